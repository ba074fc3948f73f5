package io.genscope.runtime.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The time slices covering the retention, in a ring indexed by slice number. A slot whose slice
 * has aged out is replaced by a fresh slice when a thread first records into the new period, so
 * memory is fixed by the retention and old data disappears without a sweeper thread.
 *
 * <p>Thread-safe, lock-free: a slot is replaced by compare-and-set, and a thread that loses the
 * race uses the winner's slice. A late writer whose slice was already replaced by a newer one
 * records into the newer one rather than into one that is gone.
 */
final class SliceRing {

    private final TelemetrySettings settings;
    private final int rules;
    private final Consumer<String> newModels;
    private final AtomicReferenceArray<TimeSlice> ring;

    SliceRing(TelemetrySettings settings, int rules, Consumer<String> newModels) {
        this.settings = settings;
        this.rules = rules;
        this.newModels = newModels;
        this.ring = new AtomicReferenceArray<>(settings.sliceCount());
    }

    TimeSlice slice(long index) {
        int slot = slot(index);
        while (true) {
            TimeSlice slice = ring.get(slot);
            if (slice != null && slice.index >= index) {
                return slice;
            }
            TimeSlice fresh = new TimeSlice(index, settings, rules, newModels);
            if (ring.compareAndSet(slot, slice, fresh)) {
                if (slice != null) {
                    slice.evict();
                }
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

    void clear() {
        for (int i = 0; i < ring.length(); i++) {
            TimeSlice slice = ring.getAndSet(i, null);
            if (slice != null) {
                slice.evict();
            }
        }
    }

    private int slot(long index) {
        return (int) Math.floorMod(index, (long) ring.length());
    }
}
