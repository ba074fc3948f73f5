package io.genscope.runtime.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sum of a window's past slices, kept from one query to the next, so that a query reads
 * afresh only the current slice while nothing changes in the others. Without it, each query
 * merged every slice of its window, and took longer the more keys (dependencies, error types) the
 * window had seen: 135 µs after 10³ recorded calls, 196 µs after 10⁷.
 *
 * <p>A past slice still changes now and then: a thread that recorded there moves on or ends
 * (its counts move from live to merged), or a call that started before the slice ended is
 * recorded late. Each slice has a {@link TimeSlice.Version} that tells, and a kept sum is reused
 * only while its window holds the same slices at the same versions; otherwise it is summed again.
 * So in a steady state a window is summed in full about once per slice period, when it slides and
 * its threads move on. Threads that sit idle, attached to the slice of their last call, change
 * nothing and cost nothing.
 *
 * <p>One sum is kept per dimension and window length asked for, up to a capacity that covers
 * everything, every rule and every model (what the Telemetry MBean asks for in one read) over the
 * default window and over each of {@code store.windows} (each window's MBean asks for as much),
 * and a few other windows; past it, the sum used least recently goes. About 6 KB each, plus keys: a
 * sum is kept only while it has no more keys than one slice may hold ({@link #maxKeptKeys}), so a
 * window whose slices each bring new keys is summed afresh by each query rather than kept at
 * up to a window's worth of keys per dimension.
 *
 * <p>Thread-safe. Kept sums are never changed once kept; concurrent queries may each sum a window
 * and keep theirs, and either is right. The map is guarded by a lock that queries take for a get
 * or a put; the recording thread that lets a slice go ({@link #forget}) never waits for it: it
 * counts the slice let go, then empties the map only if the lock is free; if it is not, the query
 * holding it sees the count moved once it unlocks, and empties the map (see {@link #unlockEmptied}).
 * So the keys of a slice let go stay reachable from here only while a query runs, and a sum begun
 * before a slice was let go is not kept.
 */
final class SettledTotals {

    /** Kept beyond one sum per rule, per model and overall for each window shown: windows asked for by operations. */
    private static final int SPARE = 8;

    /** What a sum is kept under: the dimension and how many slices the window covers. */
    private record Key(Dimension dimension, int slices) {
    }

    /**
     * The sum of the past slices of one window.
     *
     * @param serials  the window's slices, newest first
     * @param versions each slice's version when summed; {@code null} for the current slice, which
     *                 is left out of the sum and read afresh by each query
     */
    private record Kept(long[] serials, TimeSlice.Version[] versions, TallyTotals totals) {

        boolean stillFor(List<TimeSlice> window, TimeSlice.Version[] now) {
            if (window.size() != serials.length) {
                return false;
            }
            for (int i = 0; i < serials.length; i++) {
                if (window.get(i).serial != serials[i] || !Objects.equals(now[i], versions[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Guarded by {@link #lock}. */
    private final Map<Key, Kept> kept;
    private final ReentrantLock lock = new ReentrantLock();
    /** Slices let go so far. */
    private final AtomicLong slicesLetGo = new AtomicLong();
    /** {@link #slicesLetGo} when {@link #kept} was last emptied; written under {@link #lock}. */
    private volatile long emptiedAt;
    private final int maxKeys;

    SettledTotals(TelemetrySettings settings, int rules) {
        int capacity = capacity(rules, settings);
        this.maxKeys = maxKeptKeys(settings);
        this.kept = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Sums kept at most: one per rule, per model and "(other)", and overall, for the default
     * window and each of {@code store.windows}; and a few other windows.
     */
    static int capacity(int rules, TelemetrySettings settings) {
        return (rules + settings.maxModels() + 2) * (1 + settings.windows().size()) + SPARE;
    }

    /** Keys a kept sum may have: the error types, failure types and dependencies of one slice. */
    static int maxKeptKeys(TelemetrySettings settings) {
        return settings.maxErrorTypes() + settings.maxFailureTypes() + settings.maxDependencies() + 3;
    }

    /**
     * Forgets every kept sum: a slice was let go, and the sums that include it keep its keys.
     * Called on a recording thread: never waits (see the class comment).
     */
    void forget() {
        slicesLetGo.incrementAndGet();
        if (lock.tryLock()) {
            unlockEmptied();
        }
    }

    /**
     * Empties the map if a slice was let go since it last was, and unlocks; called holding
     * {@link #lock}. A slice let go meanwhile by a thread that found the lock taken is seen after
     * unlocking: then whoever gets the lock next (this thread, or one holding it now, which
     * checks in turn once it unlocks) empties the map. Never waits for the lock.
     */
    private void unlockEmptied() {
        do {
            try {
                long letGo = slicesLetGo.get();
                if (emptiedAt != letGo) {
                    kept.clear();
                    emptiedAt = letGo;
                }
            } finally {
                lock.unlock();
            }
        } while (emptiedAt != slicesLetGo.get() && lock.tryLock());
    }

    private Kept keptFor(Key key) {
        lock.lock();
        try {
            return kept.get(key);
        } finally {
            unlockEmptied();
        }
    }

    /** Keeps {@code past} unless a slice was let go since {@code letGo}: it may hold that slice's keys. */
    private void keep(Key key, Kept past, long letGo) {
        lock.lock();
        try {
            if (past.totals().keys() <= maxKeys && letGo == slicesLetGo.get()) {
                kept.put(key, past);
            } else {
                kept.remove(key);
            }
        } finally {
            unlockEmptied();
        }
    }

    /**
     * The totals of {@code dimension} over {@code window}, which covers {@code slices} slice
     * periods up to the current one, {@code current}.
     */
    TallyTotals totals(List<TimeSlice> window, long current, int slices, Dimension dimension) {
        Key key = new Key(dimension, slices);
        TimeSlice.Version[] now = new TimeSlice.Version[window.size()];
        for (int i = 0; i < now.length; i++) {
            TimeSlice slice = window.get(i);
            now[i] = slice.index < current ? slice.version() : null;
        }
        Kept past = keptFor(key);
        if (past == null || !past.stillFor(window, now)) {
            long letGo = slicesLetGo.get();
            past = sumPast(window, current, dimension);
            keep(key, past, letGo);
        }
        TallyTotals totals = new TallyTotals();
        totals.add(past.totals());
        for (int i = 0; i < past.versions().length; i++) {
            if (past.versions()[i] == null) {
                window.get(i).addTo(totals, dimension);
            }
        }
        return totals;
    }

    private static Kept sumPast(List<TimeSlice> window, long current, Dimension dimension) {
        long[] serials = new long[window.size()];
        TimeSlice.Version[] versions = new TimeSlice.Version[window.size()];
        TallyTotals sum = new TallyTotals();
        for (int i = 0; i < serials.length; i++) {
            TimeSlice slice = window.get(i);
            serials[i] = slice.serial;
            versions[i] = slice.index < current ? slice.addTo(sum, dimension) : null;
        }
        return new Kept(serials, versions, sum);
    }
}
