package io.genscope.runtime.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * The newest raw events of threads that have ended, at most as many as one thread's ring holds.
 * A thread's ring is sized for a thread that keeps recording; a generator that starts a thread
 * per request would otherwise keep one ring per request for the whole retention. When such a
 * thread has ended, its events move here, as read-only copies, and its ring goes.
 *
 * <p>Thread-safe: every method takes this object's lock (events move here when a thread registers
 * its ring, and are read by export; neither is on a call's path).
 */
final class EndedEvents {

    /** An event and the store epoch it was recorded in, so a later reset hides it. */
    private record Kept(long epoch, TelemetryEvent event) {
    }

    private static final Comparator<Kept> NEWEST_FIRST =
            Comparator.comparingLong((Kept kept) -> kept.event().nanos()).reversed();

    private final int capacity;
    private final List<Kept> events = new ArrayList<>();

    EndedEvents(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Moves in the events of {@code ring}, whose thread has ended, that are of {@code epoch} and
     * not older than {@code oldestNanos}; drops what is older or of an earlier epoch, and keeps
     * the newest {@code capacity}.
     */
    synchronized void absorb(ThreadEvents ring, long oldestNanos, long epoch, LongUnaryOperator wallMillis) {
        events.removeIf(kept -> kept.epoch() != epoch || kept.event().nanos() < oldestNanos);
        List<TelemetryEvent> moved = new ArrayList<>();
        ring.collect(moved, oldestNanos, epoch, wallMillis);
        for (TelemetryEvent event : moved) {
            events.add(new Kept(epoch, event));
        }
        if (events.size() > capacity) {
            events.sort(NEWEST_FIRST);
            events.subList(capacity, events.size()).clear();
        }
    }

    /** Adds the events of {@code epoch} recorded at or after {@code oldestNanos} to {@code into}. */
    synchronized void collect(List<TelemetryEvent> into, long oldestNanos, long epoch) {
        for (Kept kept : events) {
            if (kept.epoch() == epoch && kept.event().nanos() >= oldestNanos) {
                into.add(kept.event());
            }
        }
    }
}
