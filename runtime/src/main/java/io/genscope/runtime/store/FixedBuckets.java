package io.genscope.runtime.store;

import java.math.BigDecimal;
import java.util.List;

/**
 * The fixed upper bounds of the generation and validation-time histograms kept since start, the
 * same for every JVM so that Prometheus can add buckets across a fleet: 5 ms to 300 s and
 * {@code +Inf}. A value falls in the first bucket whose bound it does not exceed (Prometheus'
 * {@code le}); buckets are counted each on its own and made cumulative when read.
 *
 * <p>Finding the bucket costs the recording thread one table look-up and one comparison: it
 * already has the value's {@link LatencyHistogram} bucket, which is at most 1/16 of its lower
 * bound wide, while these bounds are each at least twice the one before, so a fine bucket holds
 * at most one fixed bound, and the value is either at or below it or above it.
 */
public final class FixedBuckets {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    /** The finite bounds in nanoseconds, then {@code +Inf} as {@link Long#MAX_VALUE}. */
    private static final long[] BOUNDS = {5 * MS, 10 * MS, 25 * MS, 50 * MS, 100 * MS, 250 * MS, 500 * MS, S,
            2_500 * MS, 5 * S, 10 * S, 30 * S, 60 * S, 120 * S, 300 * S, Long.MAX_VALUE};
    static final int COUNT = BOUNDS.length;
    /** Per {@link LatencyHistogram} bucket: the first fixed bucket whose bound is at least the bucket's lower bound. */
    private static final byte[] FIRST_AT_OR_ABOVE = new byte[LatencyHistogram.BUCKETS];

    static {
        int fixed = 0;
        for (int bucket = 0; bucket < FIRST_AT_OR_ABOVE.length; bucket++) {
            while (BOUNDS[fixed] < LatencyHistogram.lowerBound(bucket)) {
                fixed++;
            }
            FIRST_AT_OR_ABOVE[bucket] = (byte) fixed;
        }
    }

    private FixedBuckets() {
    }

    /** The fixed bucket of {@code nanos} (not negative), whose {@link LatencyHistogram} bucket is {@code fine}. */
    static int of(long nanos, int fine) {
        int bucket = FIRST_AT_OR_ABOVE[fine];
        return nanos > BOUNDS[bucket] ? bucket + 1 : bucket;
    }

    /** The upper bounds as Prometheus' {@code le} label spells them: "0.005" … "300", "+Inf". */
    public static List<String> labels() {
        return java.util.stream.LongStream.of(BOUNDS)
                .mapToObj(nanos -> nanos == Long.MAX_VALUE ? "+Inf"
                        : BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString())
                .toList();
    }

    /** The finite upper bound of bucket {@code index} in nanoseconds; {@link Long#MAX_VALUE} for {@code +Inf}. */
    static long boundNanos(int index) {
        return BOUNDS[index];
    }
}
