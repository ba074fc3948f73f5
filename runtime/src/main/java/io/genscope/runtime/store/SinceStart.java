package io.genscope.runtime.store;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The totals since start, derived from the time slices at no cost to the recording threads:
 * the counts of every slice already let go, folded in as each goes ({@link TimeSlice#evict}),
 * plus, when read, the counts of the slices still kept. So a reset, which lets every slice go,
 * lowers no total, and the calls are counted once, in their slice, as before.
 *
 * <p>A slice let go while threads are still attached to it (see {@link TimeSlice}) stays
 * <em>draining</em>: its retired counts are folded at once, the rest is read with the kept slices
 * until its last thread leaves or ends, and folded then.
 *
 * <p>Thread-safe. A reader must see a slice's counts exactly once while they move from the ring
 * (or the draining slices) into the totals folded so far. Each move is a <em>change</em>: it
 * counts one more change begun before the slice leaves the ring and one more ended after its
 * counts are folded. A reader reads only when no change is under way, and keeps what it read only
 * if no change began meanwhile; else it tries again, a few times, then serves the last snapshot
 * it kept. The writer, a recording thread, never waits for a reader's retry; it takes this
 * object's lock for the fold, as it takes the slice's lock, once per slice period. Readers admit
 * names they see first in a kept slice into the totals for good, as a change of their own, so two
 * readers never admit different names into the last room under a cap.
 */
final class SinceStart {

    /** Reads tried before serving the last snapshot kept: a change is as rare as a slice let go. */
    private static final int ATTEMPTS = 8;

    /** Guarded by this. */
    private final CumulativeTotals folded;
    /** Slices let go with threads still attached. Guarded by this. */
    private final Set<TimeSlice> draining = Collections.newSetFromMap(new IdentityHashMap<>());
    private final AtomicLong changesBegun = new AtomicLong();
    private final AtomicLong changesEnded = new AtomicLong();
    private volatile CumulativeTotals lastRead;

    SinceStart(TelemetrySettings settings, int rules) {
        folded = new CumulativeTotals(settings, rules);
    }

    /** Starts a change: call before a slice leaves the ring, and {@link #endChange()} after its counts are folded. */
    void beginChange() {
        changesBegun.incrementAndGet();
    }

    void endChange() {
        changesEnded.incrementAndGet();
    }

    /**
     * Folds counts of {@code slice} into the totals with {@code fold}, as one change; the slice
     * then stops draining ({@code drained}) or starts. Called holding the slice's lock.
     */
    void change(Consumer<CumulativeTotals> fold, TimeSlice slice, boolean drained) {
        beginChange();
        try {
            synchronized (this) {
                fold.accept(folded);
                if (drained) {
                    draining.remove(slice);
                } else {
                    draining.add(slice);
                }
            }
        } finally {
            endChange();
        }
    }

    /** A thread joined {@code slice} after it was let go: it drains again until that thread leaves. */
    synchronized void draining(TimeSlice slice) {
        draining.add(slice);
    }

    /**
     * The totals since start: those folded plus the slices {@code kept} lists and the draining
     * ones. Never lower, counter by counter, than a snapshot returned before.
     */
    CumulativeTotals read(Supplier<List<TimeSlice>> kept) {
        for (TimeSlice slice : drainingNow()) {
            slice.retireEndedIfLetGo();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long begun = changesBegun.get();
            if (changesEnded.get() != begun) {
                Thread.yield();
                continue;
            }
            CumulativeTotals totals;
            List<TimeSlice> drainingSlices;
            synchronized (this) {
                totals = folded.copy();
                drainingSlices = List.copyOf(draining);
            }
            kept.get().forEach(slice -> slice.addTo(totals));
            drainingSlices.forEach(slice -> slice.addTo(totals));
            if (keep(totals, begun)) {
                return totals;
            }
        }
        CumulativeTotals last = lastRead;
        if (last != null) {
            return last;
        }
        synchronized (this) {
            return folded.copy();
        }
    }

    /** Keeps {@code totals} as the last snapshot if no change began since {@code begun}, admitting its new names. */
    private synchronized boolean keep(CumulativeTotals totals, long begun) {
        if (changesBegun.get() != begun) {
            return false;
        }
        if (folded.admitNamesOf(totals)) {
            // a change, for readers that copied the totals before: they read under this lock too
            beginChange();
            endChange();
        }
        lastRead = totals;
        return true;
    }

    private synchronized List<TimeSlice> drainingNow() {
        return List.copyOf(draining);
    }

    /** How many slices are draining: for tests. */
    synchronized int drainingSlices() {
        return draining.size();
    }
}
