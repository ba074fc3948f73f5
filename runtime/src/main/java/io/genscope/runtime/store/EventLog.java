package io.genscope.runtime.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongUnaryOperator;

/**
 * The raw events of all threads, for export only: analytics never read them, so losing old
 * events here loses no figure. Each recording thread writes its own {@link ThreadEvents} ring of
 * {@code capacity} slots (no shared sequence, no shared buffer; a completed generation's attempt
 * and outcome share a slot); export merges the rings newest
 * first and stops once it has what it was asked for, so it costs about what it returns (plus a
 * look at each ring), however many events the rings hold.
 *
 * <p>A thread's ring outlives the thread: the next thread to record its first event takes over
 * the ring of a thread that has ended, and writes on after the events already there. So a
 * generator that starts a thread per request keeps about as many rings as it ever had threads
 * recording at once, not one per request, and taking a ring over copies no event.
 *
 * <p>Events past the retention are dropped (see {@link ThreadEvents}): by their writer as it
 * moves on, and for the rings of threads that record no more, by {@link #dropExpired} (called
 * by recording threads as they move on, a few rings each time) and by every export.
 *
 * <p>Thread-safe and lock-free but for dropping a whole ring: export reads the rings while they
 * are written (see {@link EventSlot}), and a ring is taken over by one thread only (see
 * {@link ThreadEvents#takeOver}).
 */
final class EventLog {

    /** Rings looked at by each {@link #dropExpired} call. */
    static final int RINGS_PER_SWEEP = 16;

    /** Newest first; the same order within a thread (by sequence) when two events share a time. */
    static final Comparator<TelemetryEvent> NEWEST_FIRST = new Comparator<>() {
        @Override
        public int compare(TelemetryEvent first, TelemetryEvent second) {
            int byTime = Long.compare(second.nanos(), first.nanos());
            return byTime != 0 ? byTime : Long.compare(second.sequence(), first.sequence());
        }
    };

    private final int capacity;
    private final List<ThreadEvents> rings = new CopyOnWriteArrayList<>();
    /** Where the next {@link #dropExpired} starts; racy on purpose, a lost update only repeats a look. */
    private int sweepFrom;

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

    /**
     * Drops the events of up to {@link #RINGS_PER_SWEEP} rings whose writer has recorded nothing
     * since {@code expiredNanos}, going round the rings from one call to the next.
     */
    void dropExpired(long expiredNanos) {
        int size = rings.size();
        int from = sweepFrom;
        for (int i = 0; i < Math.min(size, RINGS_PER_SWEEP); i++) {
            rings.get((from + i) % size).dropIfExpired(expiredNanos);
        }
        sweepFrom = size == 0 ? 0 : (from + RINGS_PER_SWEEP) % size;
    }

    /**
     * Up to {@code max} events of {@code epoch} recorded at or after {@code oldestNanos}, newest
     * first; none when {@code max <= 0}. A merge of the rings, each read newest first: it reads
     * about {@code max} events plus one per ring.
     */
    List<TelemetryEvent> newest(int max, long oldestNanos, long epoch, LongUnaryOperator wallMillis) {
        if (max <= 0) {
            return List.of();
        }
        PriorityQueue<ThreadEvents.NewestFirst> heads = new PriorityQueue<>(Math.max(1, rings.size()),
                Comparator.comparing(ThreadEvents.NewestFirst::head, NEWEST_FIRST));
        for (ThreadEvents ring : rings) {
            ring.dropIfExpired(oldestNanos);
            ThreadEvents.NewestFirst cursor = ring.newestFirst(oldestNanos, epoch, wallMillis);
            if (cursor.advance()) {
                heads.add(cursor);
            }
        }
        List<TelemetryEvent> newest = new ArrayList<>(Math.min(max, 1024));
        while (newest.size() < max && !heads.isEmpty()) {
            ThreadEvents.NewestFirst cursor = heads.poll();
            newest.add(cursor.head());
            if (cursor.advance()) {
                heads.add(cursor);
            }
        }
        return newest;
    }
}
