package io.genscope.runtime.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last N raw events, for export only: analytics never read it, so losing old events here
 * loses no figure.
 *
 * <p>Thread-safe and lock-free: a writer claims a sequence number and stores into its slot. A
 * reader may miss an event whose slot is claimed but not yet written, and skips slots already
 * overwritten by a newer lap.
 */
final class EventRing {

    private final AtomicReferenceArray<TelemetryEvent> slots;
    private final AtomicLong sequence = new AtomicLong();

    EventRing(int capacity) {
        slots = new AtomicReferenceArray<>(capacity);
    }

    boolean enabled() {
        return slots.length() > 0;
    }

    long nextSequence() {
        return sequence.getAndIncrement();
    }

    void add(TelemetryEvent event) {
        slots.set((int) (event.sequence() % slots.length()), event);
    }

    /** Up to {@code max} events no older than {@code oldestMillis}, newest first. */
    List<TelemetryEvent> newest(int max, long oldestMillis) {
        List<TelemetryEvent> result = new ArrayList<>();
        int capacity = slots.length();
        long last = sequence.get() - 1;
        for (long seq = last; seq >= 0 && seq > last - capacity && result.size() < max; seq--) {
            TelemetryEvent event = slots.get((int) (seq % capacity));
            if (event != null && event.sequence() == seq && event.timestampMillis() >= oldestMillis) {
                result.add(event);
            }
        }
        return result;
    }

    void clear() {
        for (int i = 0; i < slots.length(); i++) {
            slots.set(i, null);
        }
    }
}
