package io.genscope.runtime.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The time slices covering the retention, in a ring indexed by slice number. A slot whose slice
 * has aged out is replaced by a fresh slice when a thread first records into the new period, so
 * memory is fixed by the retention and old data disappears without a sweeper thread. A slice
 * that has aged out while nobody recorded into its slot's new period is let go by the next
 * thread that moves to a new slice, or the next query ({@link #expireBefore}).
 *
 * <p>Thread-safe, lock-free: a slot is replaced by compare-and-set, and a thread that loses the
 * race uses the winner's slice. A late writer whose slice was already replaced by a newer one
 * records into the newer one rather than into one that is gone.
 */
final class SliceRing {

    private final TelemetrySettings settings;
    private final int rules;
    private final RetainedModels models;
    private final Runnable letGo;
    private final SinceStart sinceStart;
    private final AtomicReferenceArray<TimeSlice> ring;
    /** Every slice with a smaller index has been let go. */
    private final AtomicLong keptFrom = new AtomicLong(Long.MIN_VALUE);

    /**
     * @param letGo      run after a slice is let go, so sums that include it can go too
     * @param sinceStart where the counts of a slice let go are folded
     */
    SliceRing(TelemetrySettings settings, int rules, ModelListener models, Runnable letGo, SinceStart sinceStart) {
        this.sinceStart = sinceStart;
        this.settings = settings;
        this.rules = rules;
        this.models = new RetainedModels(models);
        this.letGo = letGo;
        this.ring = new AtomicReferenceArray<>(settings.sliceCount());
    }

    RetainedModels models() {
        return models;
    }

    TimeSlice slice(long index) {
        int slot = slot(index);
        while (true) {
            TimeSlice slice = ring.get(slot);
            if (slice != null && slice.index >= index) {
                return slice;
            }
            TimeSlice fresh = new TimeSlice(index, settings, rules, models);
            if (slice == null ? ring.compareAndSet(slot, null, fresh) : replaced(slot, slice, fresh)) {
                return fresh;
            }
        }
    }

    /** The slices of the {@code count} slice periods up to {@code now}, newest first. */
    List<TimeSlice> latest(long now, int count) {
        List<TimeSlice> slices = new ArrayList<>(count);
        for (long index = now; index > now - count; index--) {
            TimeSlice slice = ring.get(slot(index));
            if (slice != null && slice.index == index) {
                slices.add(slice);
            }
        }
        return slices;
    }

    /**
     * Lets go of the slices older than the ring covers at slice {@code now}. Each slot is looked
     * at once per lap of the ring however often this is called: a caller claims the range of
     * indexes that expired since the last call, at most one lap of it.
     */
    void expireBefore(long now) {
        long keepFrom = now - ring.length() + 1;
        long from = keptFrom.get();
        if (from >= keepFrom || !keptFrom.compareAndSet(from, keepFrom)) {
            return;
        }
        for (long index = Math.max(from, keepFrom - ring.length()); index < keepFrom; index++) {
            int slot = slot(index);
            TimeSlice slice = ring.get(slot);
            if (slice != null && slice.index < keepFrom) {
                replaced(slot, slice, null);
            }
        }
    }

    /** Lets go of every slice; their counts stay in the totals since start. */
    void clear() {
        for (int i = 0; i < ring.length(); i++) {
            for (TimeSlice slice = ring.get(i); slice != null && !replaced(i, slice, null); slice = ring.get(i)) {
                // a thread put a newer slice in: let that one go too
            }
        }
    }

    /** Every slice in the ring, in no order. */
    List<TimeSlice> all() {
        List<TimeSlice> slices = new ArrayList<>(ring.length());
        for (int i = 0; i < ring.length(); i++) {
            TimeSlice slice = ring.get(i);
            if (slice != null) {
                slices.add(slice);
            }
        }
        return slices;
    }

    /**
     * Replaces {@code slice} in {@code slot} by {@code next} and, if this call did, lets it go: its
     * counts leave the ring and reach the totals since start as one change (see {@link SinceStart}).
     */
    private boolean replaced(int slot, TimeSlice slice, TimeSlice next) {
        boolean replaced;
        sinceStart.beginChange();
        try {
            replaced = ring.compareAndSet(slot, slice, next);
            if (replaced) {
                slice.evict(sinceStart);
            }
        } finally {
            sinceStart.endChange();
        }
        if (replaced) {
            letGo.run();
        }
        return replaced;
    }

    private int slot(long index) {
        return (int) Math.floorMod(index, (long) ring.length());
    }
}
