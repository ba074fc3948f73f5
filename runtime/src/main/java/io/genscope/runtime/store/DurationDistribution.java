package io.genscope.runtime.store;

/**
 * The generation times a query covers: a read-only copy of the merged histogram buckets (layout
 * in {@link LatencyHistogram}) with exact count, sum and maximum. Immutable.
 */
public final class DurationDistribution {

    private final long[] counts;
    private final long total;
    private final long sum;
    private final long max;

    /** Reads the histogram part of merged {@link Counts}. */
    DurationDistribution(long[] merged) {
        this(java.util.Arrays.copyOfRange(merged, Counts.FIRST_BUCKET, Counts.SIZE), merged[Counts.TIME_COUNT],
                merged[Counts.TIME_SUM], merged[Counts.TIME_MAX]);
    }

    /** Takes over {@code counts}, buckets laid out as {@link LatencyHistogram} says. */
    DurationDistribution(long[] counts, long total, long sum, long max) {
        this.counts = counts;
        this.total = total;
        this.sum = sum;
        this.max = max;
    }

    /** Number of durations recorded. */
    public long count() {
        return total;
    }

    /** Exact mean in nanoseconds, 0 when empty. */
    public double meanNanos() {
        return total == 0 ? 0 : (double) sum / total;
    }

    /** Exact maximum in nanoseconds, 0 when empty. */
    public long maxNanos() {
        return max;
    }

    /**
     * The value at {@code quantile} (0..1] in nanoseconds: the middle of the bucket holding the
     * rank {@code ceil(quantile * count)}, never above the exact maximum; 0 when empty.
     */
    public double quantileNanos(double quantile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int bucket = 0; bucket < counts.length; bucket++) {
            seen += counts[bucket];
            if (seen >= rank) {
                long low = LatencyHistogram.lowerBound(bucket);
                long high = bucket + 1 < counts.length ? LatencyHistogram.lowerBound(bucket + 1) : low;
                double middle = bucket < LatencyHistogram.SUB_BUCKETS ? low : (low + high - 1) / 2.0;
                return Math.min(middle, max);
            }
        }
        return max;
    }
}
