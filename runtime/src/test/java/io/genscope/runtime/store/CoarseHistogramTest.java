package io.genscope.runtime.store;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The breakdown histograms read a quantile within an eighth of the exact value (exact below 4). */
class CoarseHistogramTest {

    @Test
    void everyValueFallsInTheBucketWhoseBoundsHoldIt() {
        for (long value : LongStream.concat(LongStream.range(0, 5000), LongStream.of(1L << 20, (1L << 33) - 1)).toArray()) {
            int bucket = CoarseHistogram.bucketOf(value);
            assertThat(CoarseHistogram.lowerBound(bucket)).as("lower bound of %d", value).isLessThanOrEqualTo(value);
            assertThat(CoarseHistogram.lowerBound(bucket + 1)).as("next bound of %d", value).isGreaterThan(value);
        }
        assertThat(CoarseHistogram.bucketOf(Long.MAX_VALUE)).isEqualTo(CoarseHistogram.BUCKETS - 1);
    }

    @Test
    void quantilesAreWithinAnEighthOfTheExactValue() {
        Random random = new Random(7);
        for (int run = 0; run < 200; run++) {
            int size = 1 + random.nextInt(300);
            long[] values = new long[size];
            long[] counts = new long[CoarseHistogram.BUCKETS];
            long max = 0;
            for (int i = 0; i < size; i++) {
                values[i] = (long) Math.exp(random.nextDouble() * 20);
                counts[CoarseHistogram.bucketOf(values[i])]++;
                max = Math.max(max, values[i]);
            }
            java.util.Arrays.sort(values);
            for (double q : new double[] {0.5, 0.95}) {
                long exact = values[(int) Math.ceil(q * size) - 1];
                double read = CoarseHistogram.quantile(counts, 0, size, max, q);
                assertThat(read).as("q%s of %d values", q, size).isBetween(exact * 0.875, exact * 1.125);
            }
        }
        assertThat(CoarseHistogram.quantile(new long[CoarseHistogram.BUCKETS], 0, 0, 0, 0.5)).isZero();
    }
}
