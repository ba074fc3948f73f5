package io.genscope.runtime.store;

import io.genscope.runtime.time.Clock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The time slices covering the retention, in a ring indexed by {@code wallMillis / resolution}.
 * A slot whose slice has aged out is replaced by a fresh slice on the next write, so memory is
 * fixed by the retention and old data disappears without a sweeper thread.
 *
 * <p>Thread-safe, lock-free: a slot is replaced by compare-and-set, and a writer that loses the
 * race uses the winner's slice. If the wall clock steps back, writes go to the newest slice in
 * that slot rather than to one that is gone.
 */
final class SliceRing {

    private final TelemetrySettings settings;
    private final int rules;
    private final Clock clock;
    private final long resolutionMillis;
    private final AtomicReferenceArray<TimeSlice> ring;

    private final Consumer<String> newModels;

    SliceRing(TelemetrySettings settings, int rules, Clock clock, Consumer<String> newModels) {
        this.newModels = newModels;
        this.settings = settings;
        this.rules = rules;
        this.clock = clock;
        this.resolutionMillis = settings.resolution().toMillis();
        this.ring = new AtomicReferenceArray<>(settings.sliceCount());
    }

    TimeSlice current() {
        long index = currentIndex();
        int slot = slot(index);
        while (true) {
            TimeSlice slice = ring.get(slot);
            if (slice != null && slice.index >= index) {
                return slice;
            }
            TimeSlice fresh = new TimeSlice(index, settings, rules, newModels);
            if (ring.compareAndSet(slot, slice, fresh)) {
                return fresh;
            }
        }
    }

    /** The slices of the last {@code count} slice periods, the current one included, newest first. */
    List<TimeSlice> latest(int count) {
        long now = currentIndex();
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
            ring.set(i, null);
        }
    }

    private long currentIndex() {
        return Math.floorDiv(clock.wallMillis(), resolutionMillis);
    }

    private int slot(long index) {
        return (int) Math.floorMod(index, (long) ring.length());
    }
}
