package io.genscope.runtime.store;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the {@code request} rules have counted since start: requests by outcome, the generations
 * they held and their times. A request is coarse (one record per outermost request call), so these
 * are plain shared counters rather than per-thread slices; their size is fixed (one
 * {@link LatencyHistogram} of {@value #BYTES} bytes and a few adders), whatever the traffic.
 *
 * <p>Thread-safe: any thread records, any thread reads. A reader sees no atomic cut across the
 * counters: a request may be in its outcome's counter and not yet in the histogram.
 */
public final class RequestTotals {

    /**
     * Validations a thread holds before its request's first generation (see the recorder's
     * {@code RequestRecording}); a further one is recorded at once and counted here. Each held
     * record may keep {@code store.max-elements} errors, so this stays small: at the defaults,
     * two add about 1.6 MB per recording thread to the worst case.
     */
    public static final int MAX_HELD_VALIDATIONS = 2;

    /** The histogram's size, for the memory budget. */
    public static final long BYTES = 8L * LatencyHistogram.BUCKETS;

    /** How a request ended. */
    public enum Outcome {
        /** It returned normally and none of its generations failed. */
        SUCCEEDED,
        /** It returned normally, but one of its generations failed (threw, or {@code success-when} was false). */
        GENERATION_FAILED,
        /** The request call threw. */
        THREW
    }

    private final LongAdder[] outcomes = {new LongAdder(), new LongAdder(), new LongAdder()};
    private final LongAdder withoutGeneration = new LongAdder();
    private final LongAdder generations = new LongAdder();
    private final LongAdder timeSum = new LongAdder();
    private final LongAccumulator timeMax = new LongAccumulator(Math::max, 0);
    private final LongAdder heldOverflow = new LongAdder();
    private final AtomicLongArray times = new AtomicLongArray(LatencyHistogram.BUCKETS);

    /** One request ended after {@code durationNanos}, having started {@code generationCount} generations. */
    public void requestCompleted(Outcome outcome, int generationCount, long durationNanos) {
        long nanos = Math.max(0, durationNanos);
        outcomes[outcome.ordinal()].increment();
        generations.add(generationCount);
        if (generationCount == 0) {
            withoutGeneration.increment();
        }
        timeSum.add(nanos);
        timeMax.accumulate(nanos);
        times.incrementAndGet(LatencyHistogram.bucketOf(nanos));
    }

    /**
     * A validation ran in a request before its first generation while the request already held as
     * many as it may: it was recorded at once, outside any generation.
     */
    public void heldValidationOverflowed() {
        heldOverflow.increment();
    }

    /** Requests ended so far, whatever their outcome. */
    public long requests() {
        long total = 0;
        for (LongAdder outcome : outcomes) {
            total += outcome.sum();
        }
        return total;
    }

    public long count(Outcome outcome) {
        return outcomes[outcome.ordinal()].sum();
    }

    public long withoutGeneration() {
        return withoutGeneration.sum();
    }

    public long generations() {
        return generations.sum();
    }

    public long heldValidationOverflows() {
        return heldOverflow.sum();
    }

    /** The request times so far: a copy, from which percentiles are read. */
    public DurationDistribution times() {
        long[] counts = new long[LatencyHistogram.BUCKETS];
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = times.get(i);
            total += counts[i];
        }
        return new DurationDistribution(counts, total, timeSum.sum(), timeMax.get());
    }
}
