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
 * <p>Thread-safe. A thread's ring is registered once. When a thread registers, the rings of
 * threads that have ended go, their events moved to {@link EndedEvents}, bounded like one ring:
 * memory follows the threads alive, not every thread that ever recorded. Registering and export
 * share a lock, so an export sees a moving ring's events exactly once; recording never takes it
 * but for a thread's first event.
 */
final class EventLog {

    private final int capacity;
    private final List<ThreadEvents> rings = new CopyOnWriteArrayList<>();
    private final EndedEvents ended;

    EventLog(int capacity) {
        this.capacity = capacity;
        this.ended = new EndedEvents(capacity);
    }

    boolean enabled() {
        return capacity > 0;
    }

    /**
     * A new ring for the calling thread. The rings of threads that have ended move into
     * {@link EndedEvents}, keeping their events of {@code epoch} from {@code oldestNanos} on.
     */
    synchronized ThreadEvents register(long oldestNanos, long epoch, LongUnaryOperator wallMillis) {
        for (ThreadEvents ring : rings) {
            if (ring.ownerEnded()) {
                ended.absorb(ring, oldestNanos, epoch, wallMillis);
                rings.remove(ring);
            }
        }
        ThreadEvents ring = new ThreadEvents(capacity, Thread.currentThread());
        rings.add(ring);
        return ring;
    }

    /** Up to {@code max} events of {@code epoch} recorded at or after {@code oldestNanos}, newest first. */
    synchronized List<TelemetryEvent> newest(int max, long oldestNanos, long epoch, LongUnaryOperator wallMillis) {
        List<TelemetryEvent> all = new ArrayList<>();
        for (ThreadEvents ring : rings) {
            ring.collect(all, oldestNanos, epoch, wallMillis);
        }
        ended.collect(all, oldestNanos, epoch);
        all.sort(Comparator.comparingLong(TelemetryEvent::nanos).thenComparingLong(TelemetryEvent::sequence)
                .reversed());
        return all.size() <= max ? all : List.copyOf(all.subList(0, max));
    }
}
