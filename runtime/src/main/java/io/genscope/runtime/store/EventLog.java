package io.genscope.runtime.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongUnaryOperator;

/**
 * The raw events of all threads, for export only: analytics never read them, so losing old
 * events here loses no figure. Each recording thread writes its own {@link ThreadEvents} ring of
 * {@code capacity} events (no shared sequence, no shared buffer); export merges the rings and
 * returns the newest events across them.
 *
 * <p>A thread's ring outlives the thread: the next thread to record its first event takes over
 * the ring of a thread that has ended, and writes on after the events already there. So a
 * generator that starts a thread per request keeps about as many rings as it ever had threads
 * recording at once, not one per request, and taking a ring over copies no event.
 *
 * <p>Thread-safe and lock-free: export reads the rings while they are written (see
 * {@link EventSlot}), and a ring is taken over by one thread only (see {@link ThreadEvents#takeOver}).
 */
final class EventLog {

    private final int capacity;
    private final List<ThreadEvents> rings = new CopyOnWriteArrayList<>();

    EventLog(int capacity) {
        this.capacity = capacity;
    }

    boolean enabled() {
        return capacity > 0;
    }

    /** A ring for the calling thread: one whose thread has ended, or else a new one. */
    ThreadEvents register() {
        Thread current = Thread.currentThread();
        for (ThreadEvents ring : rings) {
            if (ring.takeOver(current)) {
                return ring;
            }
        }
        ThreadEvents ring = new ThreadEvents(capacity, current);
        rings.add(ring);
        return ring;
    }

    /** Up to {@code max} events of {@code epoch} recorded at or after {@code oldestNanos}, newest first. */
    List<TelemetryEvent> newest(int max, long oldestNanos, long epoch, LongUnaryOperator wallMillis) {
        List<TelemetryEvent> all = new ArrayList<>();
        for (ThreadEvents ring : rings) {
            ring.collect(all, oldestNanos, epoch, wallMillis);
        }
        all.sort(Comparator.comparingLong(TelemetryEvent::nanos).thenComparingLong(TelemetryEvent::sequence)
                .reversed());
        return all.size() <= max ? all : List.copyOf(all.subList(0, max));
    }
}
