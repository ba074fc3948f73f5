package io.genscope.runtime.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongUnaryOperator;

/**
 * One thread's ring of its newest raw events. Slots are created the first time the ring reaches
 * them and reused on every later lap, so once warm, recording an event allocates nothing and
 * touches no memory another thread writes.
 *
 * <p>Single writer, any number of readers; see {@link EventSlot} for how a reader gets a
 * consistent copy. The writer is the owning thread; once it has ended, another thread may
 * {@link #takeOver} the ring and write on.
 */
final class ThreadEvents {

    private static final VarHandle OWNER = FieldHandles.of(MethodHandles.lookup(), "owner", WeakReference.class);

    private final AtomicReferenceArray<EventSlot> slots;
    /** The thread that writes here. */
    private volatile WeakReference<Thread> owner;
    private long written;
    private int nextIndex;

    ThreadEvents(int capacity, Thread owner) {
        this.slots = new AtomicReferenceArray<>(capacity);
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

    /** The slot for the next event, already begun; fill it and {@link EventSlot#publish()} it. */
    EventSlot next(long epoch, long nanos, EventType type, String rule) {
        long sequence = written++;
        int index = nextIndex;
        nextIndex = index + 1 == slots.length() ? 0 : index + 1;
        EventSlot slot = slots.getPlain(index);
        if (slot == null) {
            slot = new EventSlot();
            slots.setRelease(index, slot);
        }
        return slot.begin(sequence, epoch, nanos, type, rule);
    }

    /** Adds the events of {@code epoch} recorded at or after {@code oldestNanos} to {@code into}. */
    void collect(List<TelemetryEvent> into, long oldestNanos, long epoch, LongUnaryOperator wallMillis) {
        for (int i = 0; i < slots.length(); i++) {
            EventSlot slot = slots.getAcquire(i);
            if (slot != null && slot.publishedNanos() >= oldestNanos) {
                TelemetryEvent event = slot.read(wallMillis, epoch);
                if (event != null && event.nanos() >= oldestNanos) {
                    into.add(event);
                }
            }
        }
    }
}
