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
 * <p>Thread-safe. A thread's ring is registered once; rings of threads that have ended are
 * dropped once everything in them is older than the retention, so memory follows the threads
 * that recorded within the retention.
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

    /** A new ring for the calling thread; rings of ended threads with nothing recent go. */
    ThreadEvents register(long oldestNanos) {
        rings.removeIf(ring -> ring.abandoned(oldestNanos));
        ThreadEvents ring = new ThreadEvents(capacity, Thread.currentThread());
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
