package io.genscope.runtime.store;

/**
 * The bucket layout of the breakdown rows' histograms (generation time in microseconds, prompt
 * length): 4 log-linear buckets per power of two, so a bucket is at most a quarter of its lower
 * bound wide and a quantile read at its middle is within about 12 % of the true value (exact below
 * 4). Coarser than {@link LatencyHistogram} because a breakdown has a row per value of each
 * dimension in every slice: 136 buckets (1.1 KB) a histogram instead of 5.4 KB. Values up to
 * 2^33 (2.4 hours in microseconds) have their own bucket; larger ones share the last.
 */
final class CoarseHistogram {

    private static final int SUB_BUCKET_BITS = 2;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int MAX_EXPONENT = 33;
    static final int BUCKETS = LogLinearBuckets.count(SUB_BUCKET_BITS, MAX_EXPONENT);

    private CoarseHistogram() {
    }

    static int bucketOf(long value) {
        return LogLinearBuckets.bucketOf(value, SUB_BUCKET_BITS, MAX_EXPONENT);
    }

    /** The smallest value counted in {@code bucket}. */
    static long lowerBound(int bucket) {
        return LogLinearBuckets.lowerBound(bucket, SUB_BUCKET_BITS);
    }

    /**
     * The value at {@code quantile} (0..1] of the histogram at {@code from} in {@code counts}, which
     * holds {@code total} values of at most {@code max}: the middle of the bucket holding rank
     * {@code ceil(quantile * total)}, never above {@code max}; 0 when empty.
     */
    static double quantile(long[] counts, int from, long total, long max, double quantile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            seen += counts[from + bucket];
            if (seen >= rank) {
                if (bucket == BUCKETS - 1) {
                    return max;
                }
                long low = lowerBound(bucket);
                double middle = bucket < SUB_BUCKETS ? low : (low + lowerBound(bucket + 1) - 1) / 2.0;
                return Math.min(middle, max);
            }
        }
        return max;
    }
}
