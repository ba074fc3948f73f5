package io.genscope.runtime.store;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The log-linear buckets: every value has exactly one bucket whose bounds hold it, buckets are
 * ordered, and quantiles read from them are within 1/32 (3.125 %) of the exact value.
 */
class LatencyHistogramTest {

    private static final double TOLERANCE_PERCENT = 3.2;
    /** Lower bound of the last bucket, which every longer value shares. */
    private static final long SHARED_BUCKET_START = 31L << 40;

    private static long[] probeValues() {
        Random random = new Random(42);
        LongStream special = LongStream.of(0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 1000, 1L << 43, (1L << 44) - 1,
                1L << 44, (1L << 44) + 1, SHARED_BUCKET_START - 1, SHARED_BUCKET_START, Long.MAX_VALUE - 1,
                Long.MAX_VALUE);
        LongStream powers = LongStream.range(0, 63).flatMap(e -> LongStream.of((1L << e) - 1, 1L << e, (1L << e) + 1));
        LongStream randomOfEveryMagnitude = LongStream.range(0, 20_000)
                .map(i -> random.nextLong() >>> (1 + random.nextInt(63)));
        return LongStream.concat(LongStream.concat(special, powers), randomOfEveryMagnitude).sorted().toArray();
    }

    @Test
    void lowerBoundsStrictlyIncreaseAndEachIsTheFirstValueOfItsBucket() {
        for (int bucket = 0; bucket < LatencyHistogram.BUCKETS; bucket++) {
            long low = LatencyHistogram.lowerBound(bucket);
            assertThat(LatencyHistogram.bucketOf(low)).as("bucket of lowerBound(%d)", bucket).isEqualTo(bucket);
            if (bucket > 0) {
                assertThat(low).as("lowerBound(%d)", bucket).isGreaterThan(LatencyHistogram.lowerBound(bucket - 1));
                assertThat(LatencyHistogram.bucketOf(low - 1)).isEqualTo(bucket - 1);
            }
        }
    }

    @Test
    void everyValueFallsWithinTheBoundsOfItsBucketAndBucketsAreMonotone() {
        long[] values = probeValues();
        int previousBucket = -1;
        for (long value : values) {
            int bucket = LatencyHistogram.bucketOf(value);
            assertThat(bucket).as("bucket of %d", value).isBetween(Math.max(0, previousBucket),
                    LatencyHistogram.BUCKETS - 1);
            assertThat(LatencyHistogram.lowerBound(bucket)).as("lower bound for %d", value).isLessThanOrEqualTo(value);
            if (bucket < LatencyHistogram.BUCKETS - 1) {
                assertThat(value).as("value below the next bucket").isLessThan(LatencyHistogram.lowerBound(bucket + 1));
            }
            previousBucket = bucket;
        }
    }

    @Test
    void bucketsAreExactBelowThirtyTwoAndAtMostASixteenthOfTheirLowerBoundWideAbove() {
        for (int bucket = 0; bucket < 32; bucket++) {
            assertThat(LatencyHistogram.lowerBound(bucket + 1) - LatencyHistogram.lowerBound(bucket)).isEqualTo(1);
        }
        for (int bucket = 32; bucket < LatencyHistogram.BUCKETS - 1; bucket++) {
            long low = LatencyHistogram.lowerBound(bucket);
            assertThat(LatencyHistogram.lowerBound(bucket + 1) - low).isLessThanOrEqualTo(low / 16);
        }
    }

    @Test
    void valuesUpToTwoToTheFortyFourHaveTheirOwnBucketAndLongerOnesShareTheLast() {
        assertThat(LatencyHistogram.bucketOf(1L << 44)).isLessThan(LatencyHistogram.BUCKETS - 1);
        assertThat(LatencyHistogram.bucketOf(SHARED_BUCKET_START - 1)).isEqualTo(LatencyHistogram.BUCKETS - 2);
        assertThat(LatencyHistogram.bucketOf(SHARED_BUCKET_START)).isEqualTo(LatencyHistogram.BUCKETS - 1);
        assertThat(LatencyHistogram.bucketOf(Long.MAX_VALUE)).isEqualTo(LatencyHistogram.BUCKETS - 1);
    }

    private static DurationDistribution distributionOf(long... nanos) {
        Counts counts = new Counts(0);
        GenerationRecord generation = new GenerationRecord();
        for (long value : nanos) {
            generation.begin(0, "generate", 0);
            generation.durationNanos = value;
            counts.generationCompleted(generation);
        }
        long[] merged = new long[Counts.SIZE];
        counts.addTo(merged);
        return new DurationDistribution(merged);
    }

    /** The exact value at {@code quantile}: the element of rank ceil(quantile * n). */
    private static long exactQuantile(long[] sorted, double quantile) {
        int rank = (int) Math.max(1, Math.ceil(quantile * sorted.length));
        return sorted[rank - 1];
    }

    private static void assertQuantilesClose(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        DurationDistribution distribution = distributionOf(values);
        for (double quantile : new double[] {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0}) {
            long exact = exactQuantile(sorted, quantile);
            assertThat(distribution.quantileNanos(quantile)).as("quantile %s", quantile)
                    .isCloseTo((double) exact, withinPercentage(TOLERANCE_PERCENT));
        }
    }

    @Test
    void quantilesOfAUniformDistributionAreWithinTolerance() {
        long[] values = LongStream.rangeClosed(1, 100_000).toArray();
        DurationDistribution distribution = distributionOf(values);

        assertThat(distribution.quantileNanos(0.50)).isCloseTo(50_000.0, withinPercentage(TOLERANCE_PERCENT));
        assertThat(distribution.quantileNanos(0.95)).isCloseTo(95_000.0, withinPercentage(TOLERANCE_PERCENT));
        assertThat(distribution.quantileNanos(0.99)).isCloseTo(99_000.0, withinPercentage(TOLERANCE_PERCENT));
        assertQuantilesClose(values);
    }

    @Test
    void quantilesOfALogUniformDistributionFromNanosToHoursAreWithinTolerance() {
        Random random = new Random(7);
        long[] values = LongStream.range(0, 50_000)
                .map(i -> (long) Math.exp(random.nextDouble() * Math.log(3_600_000_000_000.0)))
                .toArray();

        assertQuantilesClose(values);
    }

    @Test
    void smallValuesAreExact() {
        DurationDistribution distribution = distributionOf(3, 17, 17, 29);

        assertThat(distribution.quantileNanos(0.25)).isEqualTo(3.0);
        assertThat(distribution.quantileNanos(0.5)).isEqualTo(17.0);
        assertThat(distribution.quantileNanos(1.0)).isEqualTo(29.0);
    }

    @Test
    void countMeanAndMaxAreExact() {
        DurationDistribution distribution = distributionOf(LongStream.rangeClosed(1, 100_000).toArray());

        assertThat(distribution.count()).isEqualTo(100_000);
        assertThat(distribution.meanNanos()).isEqualTo(50_000.5);
        assertThat(distribution.maxNanos()).isEqualTo(100_000);
    }

    @Test
    void quantileNeverExceedsTheExactMaximum() {
        long max = (1L << 20) + 1;
        DurationDistribution distribution = distributionOf(max);

        assertThat(distribution.quantileNanos(0.5)).isEqualTo((double) max);
        assertThat(distribution.quantileNanos(1.0)).isEqualTo((double) max);
    }

    @Test
    void negativeDurationsCountAsZero() {
        DurationDistribution distribution = distributionOf(-5, 10);

        assertThat(distribution.count()).isEqualTo(2);
        assertThat(distribution.meanNanos()).isEqualTo(5.0);
        assertThat(distribution.quantileNanos(0.5)).isZero();
    }

    @Test
    void emptyDistributionReadsZeroEverywhere() {
        DurationDistribution distribution = distributionOf();

        assertThat(distribution.count()).isZero();
        assertThat(distribution.meanNanos()).isZero();
        assertThat(distribution.maxNanos()).isZero();
        assertThat(distribution.quantileNanos(0.99)).isZero();
    }
}
