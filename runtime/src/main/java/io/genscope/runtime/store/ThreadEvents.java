package io.genscope.runtime.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongUnaryOperator;
import jdk.internal.vm.annotation.Contended;

/**
 * One thread's ring of its newest raw events. Slots are created the first time the ring reaches
 * them and reused on every later lap, so once warm, recording an event allocates nothing and
 * touches no memory another thread writes.
 *
 * <p>Nothing older than the retention stays reachable from here. The writer drops its own expired
 * events, oldest first, each time it moves on to a new time slice ({@link #opened}); a ring whose
 * writer has recorded nothing for a whole retention (an idle or ended thread) is dropped whole by
 * whoever comes by first ({@link #dropIfExpired}: a thread moving to a new slice, or an export).
 * The two never meet: the writer records only into the slice it {@linkplain #opened opened}, so
 * once that slice has expired it must open a new one, under this ring's lock, before it writes
 * again.
 *
 * <p><b>Note:</b> that lock is on the recording thread, once per slice period (not per call), and
 * it stays because the dropper's step is a test of {@link #writtenBefore} and a write of
 * {@link #slots} that must not interleave with the writer's update of the first: one
 * compare-and-set cannot cover two fields, and dropping the events of a thread that is just
 * starting to record again would lose them. It is uncontended in practice and bounded in time:
 * the dropper takes it only for a ring whose writer has recorded nothing for a whole retention
 * (so the two meet only when that writer resumes in the very instant another thread drops it),
 * and each side holds it for one comparison and one field write, with no call out, allocation or
 * other lock. An uncontended monitor costs one compare-and-set on the ring's header.
 *
 * <p>Single writer, any number of readers; see {@link EventSlot} for how a reader gets a
 * consistent copy. The writer is the owning thread; once it has ended, another thread may
 * {@link #takeOver} the ring and write on.
 *
 * <p>{@link Contended}: a ring's write position is written on every call by its own thread, so its fields
 * are padded off the cache lines of whatever the garbage collector copies next to it, such as
 * another recording thread's state (which made two threads on one rule up to 1.5 times slower
 * per call than one, in some JVM runs and not others). Padding costs 256 bytes per object, counted
 * by {@code StoreFootprint}; HotSpot honours it for classes of the boot class path only, where the
 * agent puts the runtime.
 */
@Contended
final class ThreadEvents {

    private static final VarHandle OWNER = FieldHandles.of(MethodHandles.lookup(), "owner", WeakReference.class);
    private static final VarHandle WRITTEN = FieldHandles.of(MethodHandles.lookup(), "written", long.class);

    private final int capacity;
    /** The slots; {@code null} once dropped (until the next write). Replaced only under this ring's lock. */
    private volatile AtomicReferenceArray<EventSlot> slots;
    /** The thread that writes here. */
    private volatile WeakReference<Thread> owner;
    /**
     * Slots written so far (the next slot's position); written by the writer only, read by readers.
     * Not the events' sequence: a generation's attempt takes a sequence when it starts, and a slot
     * only when it ends, in the slot of its outcome.
     */
    private long written;
    /** The next event's sequence; the writer's only. */
    private long sequence;
    private int nextIndex;
    /** Slots before this position have been dropped by the writer. */
    private long dropped;
    /**
     * The end of the time slice the writer records into: every event here is older. Written under
     * this ring's lock; volatile so that a look that finds nothing to drop takes no lock.
     */
    private volatile long writtenBefore = Long.MIN_VALUE;

    ThreadEvents(int capacity, Thread owner) {
        this.capacity = capacity;
        this.owner = new WeakReference<>(owner);
    }

    /**
     * Makes {@code thread} the writer of this ring if the thread that wrote here has ended; at
     * most one caller wins a ring. The new writer carries on from where the old one stopped: a
     * thread's end happens-before another thread sees it has ended, so its last writes are seen.
     * A cleared reference means the same, though outside the memory model's letter: a thread
     * object is collected only once the thread has ended, and HotSpot clears references at a
     * safepoint, which orders the ended thread's writes before any later read. The owner is held
     * weakly so that a ring nobody takes over keeps no ended thread (and its context class loader).
     *
     * @return whether {@code thread} now owns this ring
     */
    boolean takeOver(Thread thread) {
        WeakReference<Thread> current = owner;
        Thread writer = current.get();
        return (writer == null || !writer.isAlive())
                && OWNER.compareAndSet(this, current, new WeakReference<>(thread));
    }

    /**
     * The writer records into a time slice ending at {@code sliceEndNanos} from now on; its events
     * recorded before {@code expiredNanos} are dropped. Called by the writer when it starts and
     * each time it moves to a new slice. Dropping goes oldest first and stops at the first event
     * still kept, so each event is looked at about once however often this is called.
     */
    void opened(long sliceEndNanos, long expiredNanos) {
        synchronized (this) {
            writtenBefore = sliceEndNanos;
        }
        AtomicReferenceArray<EventSlot> current = slots;
        if (current == null) {
            return;
        }
        long position = Math.max(dropped, written - capacity);
        for (; position < written; position++) {
            int index = (int) (position % capacity);
            EventSlot slot = current.getPlain(index);
            if (slot != null) {
                if (slot.nanosOfWriter() >= expiredNanos) {
                    break;
                }
                current.setRelease(index, null);
            }
        }
        dropped = position;
    }

    /**
     * Drops every event if the writer has recorded nothing since {@code expiredNanos}: all its
     * events are then past the retention. Any thread may call it; it takes a lock only when there
     * is something to drop.
     */
    void dropIfExpired(long expiredNanos) {
        if (slots == null || writtenBefore > expiredNanos) {
            return;
        }
        synchronized (this) {
            if (writtenBefore <= expiredNanos) {
                slots = null;
            }
        }
    }

    /**
     * The sequence of an event that takes no slot yet: a generation's attempt, written with its
     * outcome (see {@link EventSlot#attemptOf}).
     */
    long reserve() {
        return sequence++;
    }

    /** The slot for the next event, already begun; fill it and {@link EventSlot#publish()} it. */
    EventSlot next(long epoch, long nanos, EventType type, String rule) {
        AtomicReferenceArray<EventSlot> current = slots;
        if (current == null) {
            current = new AtomicReferenceArray<>(capacity);
            slots = current;
        }
        WRITTEN.setRelease(this, written + 1);
        int index = nextIndex;
        nextIndex = index + 1 == capacity ? 0 : index + 1;
        EventSlot slot = current.getPlain(index);
        if (slot == null) {
            slot = new EventSlot();
            current.setRelease(index, slot);
        }
        return slot.begin(sequence++, epoch, nanos, type, rule);
    }

    /**
     * Reads this ring's events of {@code epoch} recorded at or after {@code oldestNanos}, newest
     * first, one at a time: a reader pays for the events it takes, not for the ring's size.
     */
    NewestFirst newestFirst(long oldestNanos, long epoch, LongUnaryOperator wallMillis) {
        return new NewestFirst(slots, (long) WRITTEN.getAcquire(this), oldestNanos, epoch, wallMillis);
    }

    /**
     * A reader's cursor over one ring, from its newest event back. Slots come newest first; a
     * generation outcome's slot also holds its attempt, older than the outcome and perhaps older
     * than the slots just before it (a retry or validation inside the generation), so the attempts
     * met wait in a queue until they are the newest left. Not thread-safe.
     */
    final class NewestFirst {

        private final AtomicReferenceArray<EventSlot> slots;
        private final long oldestNanos;
        private final long epoch;
        private final LongUnaryOperator wallMillis;
        private final long end;
        private final PriorityQueue<TelemetryEvent> attempts = new PriorityQueue<>(EventLog.NEWEST_FIRST);
        private long position;
        /** The newest slot not yet taken; {@code null} when not read yet or when none is left. */
        private EventSlot.Read next;
        private boolean slotsLeft = true;
        private TelemetryEvent head;

        private NewestFirst(AtomicReferenceArray<EventSlot> slots, long written, long oldestNanos, long epoch,
                            LongUnaryOperator wallMillis) {
            this.slots = slots;
            this.oldestNanos = oldestNanos;
            this.epoch = epoch;
            this.wallMillis = wallMillis;
            this.position = written;
            this.end = Math.max(0, written - capacity);
        }

        /** The event {@link #advance()} moved to. */
        TelemetryEvent head() {
            return head;
        }

        /**
         * Moves to the next older event: the newer of the next slot's event and the newest attempt
         * waiting. An attempt older than {@code oldestNanos} is left out.
         *
         * @return whether there is one
         */
        boolean advance() {
            if (next == null && slotsLeft) {
                next = readSlot();
                slotsLeft = next != null;
            }
            TelemetryEvent attempt = attempts.peek();
            if (next != null && (attempt == null || EventLog.NEWEST_FIRST.compare(next.event(), attempt) <= 0)) {
                head = next.event();
                if (next.attempt() != null && next.attempt().nanos() >= oldestNanos) {
                    attempts.add(next.attempt());
                }
                next = null;
                return true;
            }
            head = attempts.poll();
            return head != null;
        }

        /**
         * The next older slot's events. Stops at the first slot dropped, expired or of an earlier
         * epoch (everything older is too); skips one being written or already overwritten.
         */
        private EventSlot.Read readSlot() {
            while (slots != null && position > end) {
                position--;
                EventSlot slot = slots.getAcquire((int) (position % capacity));
                if (slot == null) {
                    break;
                }
                EventSlot.Read read = slot.read(wallMillis, epoch);
                if (read == null) {
                    if (slot.olderEpochThan(epoch)) {
                        break;
                    }
                } else if (read.event().nanos() < oldestNanos) {
                    break;
                } else if ((long) WRITTEN.getAcquire(ThreadEvents.this) - capacity <= position) {
                    // not overwritten: a later lap's write of this slot would have moved WRITTEN first
                    return read;
                }
            }
            return null;
        }
    }
}
