package io.genscope.runtime.store;

import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static io.genscope.runtime.testing.Records.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixed buckets of the histograms since start: Prometheus' bounds and {@code le} rule (a value
 * at a bound is in that bound's bucket, one nanosecond more in the next), buckets read cumulative.
 */
class FixedBucketsTest {

    @Test
    void boundsAreTheContractsInSeconds() {
        assertThat(FixedBuckets.labels()).containsExactly("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5",
                "1", "2.5", "5", "10", "30", "60", "120", "300", "+Inf");
    }

    @Test
    void aValueGoesToTheFirstBucketWhoseBoundItDoesNotExceed() {
        SplittableRandom random = new SplittableRandom(11);
        LongStreamSource values = index -> index < 3 * (FixedBuckets.COUNT - 1)
                ? FixedBuckets.boundNanos(index / 3) + index % 3 - 1 // each bound, one below and one above
                : random.nextLong(1L << 46) >>> random.nextInt(46);
        for (int i = 0; i < 200_000; i++) {
            long value = values.at(i);
            assertThat(FixedBuckets.of(value, LatencyHistogram.bucketOf(value))).as("bucket of %d ns", value)
                    .isEqualTo(firstBoundAtOrAbove(value));
        }
    }

    @Test
    void generationAndValidationBucketsAreCumulativeAndExactOnAndBesideEachBound() {
        for (int b = 0; b < FixedBuckets.COUNT - 1; b++) {
            int bound = b;
            long nanos = FixedBuckets.boundNanos(bound);
            TelemetryStore store = new TelemetryStore(TestSettings.defaults().build(), 1, new ManualClock(), m -> { });
            for (long value : new long[] {nanos - 1, nanos, nanos + 1}) {
                success(store, "m", Duration.ofNanos(value));
                validation(store, value);
            }

            CallCounts counts = store.cumulative().generator(0).models().get("m");
            long[] expected = IntStream.range(0, FixedBuckets.COUNT)
                    .mapToLong(i -> i < bound ? 0 : i == bound ? 2 : 3).toArray();
            assertThat(counts.generationBuckets()).as("bound %d", bound).containsExactly(expected);
            assertThat(counts.validationBuckets()).as("bound %d", bound).containsExactly(expected);
            assertThat(counts.generationSeconds()).isEqualTo(3 * nanos / 1e9);
            assertThat(counts.validationSeconds()).isEqualTo(3 * nanos / 1e9);
        }
    }

    private static void validation(TelemetryStore store, long nanos) {
        GenerationRecord generation = io.genscope.runtime.testing.Records.generation("m");
        ValidationRecord validation = new ValidationRecord();
        validation.begin("compile", 1);
        validation.durationNanos = nanos;
        store.validationCompleted(store.currentThread(), generation, validation, store.clock().monotonicNanos());
    }

    private static int firstBoundAtOrAbove(long value) {
        int bucket = 0;
        while (FixedBuckets.boundNanos(bucket) < value) {
            bucket++;
        }
        return bucket;
    }

    @FunctionalInterface
    private interface LongStreamSource {
        long at(int index);
    }
}
