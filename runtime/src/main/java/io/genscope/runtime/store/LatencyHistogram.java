package io.genscope.runtime.store;

/**
 * The bucket layout of generation-time histograms (the buckets themselves live in
 * {@link Counts}): durations in nanoseconds, 16 log-linear buckets per power of two, so a bucket
 * is at most 1/16 of its lower bound wide and a percentile read at the bucket middle is within
 * about 3 % of the true value. Values up to 2^44 ns (about 4.9 hours) have their own bucket;
 * longer ones share the last. Fixed size: 672 buckets (5.4 KB) per dimension.
 */
final class LatencyHistogram {

    static final int SUB_BUCKET_BITS = 4;
    static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    static final int MAX_EXPONENT = 44;
    static final int BUCKETS = LogLinearBuckets.count(SUB_BUCKET_BITS, MAX_EXPONENT);

    private LatencyHistogram() {
    }

    static int bucketOf(long value) {
        return LogLinearBuckets.bucketOf(value, SUB_BUCKET_BITS, MAX_EXPONENT);
    }

    /** The smallest value counted in {@code bucket}. */
    static long lowerBound(int bucket) {
        return LogLinearBuckets.lowerBound(bucket, SUB_BUCKET_BITS);
    }
}
