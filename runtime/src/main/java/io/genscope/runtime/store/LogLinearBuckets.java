package io.genscope.runtime.store;

/**
 * The log-linear bucket layout both histogram kinds share: {@code 2^subBucketBits} buckets per
 * power of two, values below that each in a bucket of their own, values above
 * {@code 2^(maxExponent + 1)} in the last. {@link LatencyHistogram} and {@link CoarseHistogram}
 * call it with their constants, which the JIT folds once the call is inlined.
 */
final class LogLinearBuckets {

    private LogLinearBuckets() {
    }

    /** How many buckets a layout has. */
    static int count(int subBucketBits, int maxExponent) {
        return (maxExponent - subBucketBits + 2) << subBucketBits;
    }

    static int bucketOf(long value, int subBucketBits, int maxExponent) {
        int subBuckets = 1 << subBucketBits;
        if (value < subBuckets) {
            return (int) Math.max(0, value);
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        if (exponent > maxExponent) {
            return count(subBucketBits, maxExponent) - 1;
        }
        int shift = exponent - subBucketBits;
        return (shift + 1) * subBuckets + (int) ((value >>> shift) & (subBuckets - 1));
    }

    /** The smallest value counted in {@code bucket}. */
    static long lowerBound(int bucket, int subBucketBits) {
        int subBuckets = 1 << subBucketBits;
        if (bucket < subBuckets) {
            return bucket;
        }
        int shift = bucket / subBuckets - 1;
        return (long) (subBuckets + bucket % subBuckets) << shift;
    }
}
