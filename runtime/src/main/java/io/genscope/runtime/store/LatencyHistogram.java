package io.genscope.runtime.store;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durations in nanoseconds, counted in log-linear buckets: 16 per power of two, so a bucket is at
 * most 1/16 of its lower bound wide and a percentile read at the bucket middle is within about
 * 3 % of the true value. Count, sum and maximum are exact.
 *
 * <p>Values up to 2^44 ns (about 4.9 hours) have their own bucket; longer ones share the last.
 * Fixed size: 672 counters (5.4 KB) whatever the traffic.
 *
 * <p>Thread-safe, lock-free: a record is one atomic increment plus striped adders. Readers see
 * each counter's latest value, not an atomic snapshot of all of them.
 */
final class LatencyHistogram {

    static final int SUB_BUCKET_BITS = 4;
    static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    static final int MAX_EXPONENT = 44;
    static final int BUCKETS = (MAX_EXPONENT - SUB_BUCKET_BITS + 2) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final LongAdder total = new LongAdder();
    private final LongAdder sum = new LongAdder();
    private final LongAccumulator max = new LongAccumulator(Math::max, 0);

    void record(long nanos) {
        long value = Math.max(0, nanos);
        counts.incrementAndGet(bucketOf(value));
        total.increment();
        sum.add(value);
        max.accumulate(value);
    }

    void addTo(DurationDistribution target) {
        for (int i = 0; i < BUCKETS; i++) {
            long count = counts.get(i);
            if (count != 0) {
                target.addBucket(i, count);
            }
        }
        target.addTotals(total.sum(), sum.sum(), max.get());
    }

    static int bucketOf(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        if (exponent > MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int shift = exponent - SUB_BUCKET_BITS;
        return (shift + 1) * SUB_BUCKETS + (int) ((value >>> shift) & (SUB_BUCKETS - 1));
    }

    /** The smallest value counted in {@code bucket}. */
    static long lowerBound(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket;
        }
        int shift = bucket / SUB_BUCKETS - 1;
        return (long) (SUB_BUCKETS + bucket % SUB_BUCKETS) << shift;
    }
}
