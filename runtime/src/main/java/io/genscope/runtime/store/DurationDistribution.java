package io.genscope.runtime.store;

/**
 * A merged, read-only copy of one or more {@link LatencyHistogram}s: what a query sums over the
 * slices of its window. Not thread-safe; each query builds its own.
 */
public final class DurationDistribution {

    private final long[] counts = new long[LatencyHistogram.BUCKETS];
    private long total;
    private long sum;
    private long max;

    void addBucket(int bucket, long count) {
        counts[bucket] += count;
    }

    void addTotals(long total, long sum, long max) {
        this.total += total;
        this.sum += sum;
        this.max = Math.max(this.max, max);
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
