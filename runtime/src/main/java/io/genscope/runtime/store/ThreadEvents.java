package io.genscope.runtime.store;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongUnaryOperator;

/**
 * One thread's ring of its newest raw events. Slots are created the first time the ring reaches
 * them and reused on every later lap, so once warm, recording an event allocates nothing and
 * touches no memory another thread writes.
 *
 * <p>Single writer (the owning thread), any number of readers; see {@link EventSlot} for how a
 * reader gets a consistent copy.
 */
final class ThreadEvents {

    private final AtomicReferenceArray<EventSlot> slots;
    private final WeakReference<Thread> owner;
    private long written;
    private int nextIndex;

    ThreadEvents(int capacity, Thread owner) {
        this.slots = new AtomicReferenceArray<>(capacity);
        this.owner = new WeakReference<>(owner);
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

    /** Whether the thread that writes here has ended: then nothing will be written here again. */
    boolean ownerEnded() {
        Thread thread = owner.get();
        return thread == null || !thread.isAlive();
    }
}
