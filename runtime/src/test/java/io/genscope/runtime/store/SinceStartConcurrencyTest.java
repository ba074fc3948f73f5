package io.genscope.runtime.store;

import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.genscope.runtime.testing.Records.failedValidation;
import static io.genscope.runtime.testing.Records.failure;
import static io.genscope.runtime.testing.Records.successUsing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threads record while time moves slices past the retention and resets let every slice go; a
 * reader meanwhile sees no counter of any series go down, and at the end the totals since start
 * are exactly what was recorded. 10 ms slices (of a manual clock moved by the test), 30 ms
 * retention, four recording threads.
 */
class SinceStartConcurrencyTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 20_000;
    private static final Duration RESOLUTION = Duration.ofMillis(10);

    private final ManualClock clock = new ManualClock();
    private final TelemetryStore store = new TelemetryStore(TestSettings.slices(RESOLUTION,
            RESOLUTION.multipliedBy(3), RESOLUTION.multipliedBy(3)).build(), 1, clock, model -> { });

    @Test
    void countersNeverGoDownWhileSlicesAreLetGoAndEndAtWhatWasRecorded() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
        AtomicBoolean recording = new AtomicBoolean(true);
        List<Future<?>> recorders = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String model = "m" + (t % 2);
            recorders.add(pool.submit(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    successUsing(store, model, "lib" + (i % 3));
                    if (i % 4 == 0) {
                        failure(store, model, "Boom" + (i % 2));
                    }
                    if (i % 8 == 0) {
                        failedValidation(store, "E" + (i % 3));
                    }
                }
            }));
        }
        Future<?> mover = pool.submit(() -> {
            for (int i = 0; recording.get(); i++) {
                clock.advance(Duration.ofMillis(3));
                if (i % 4 == 0) {
                    store.reset();
                }
            }
        });
        Future<Integer> reader = pool.submit(() -> {
            Map<String, Long> last = new HashMap<>();
            int reads = 0;
            while (recording.get()) {
                Map<String, Long> now = flatten(store.cumulative());
                last.forEach((series, value) -> assertThat(now.getOrDefault(series, 0L))
                        .as("series %s", series).isGreaterThanOrEqualTo(value));
                last = now;
                reads++;
            }
            return reads;
        });
        for (Future<?> recorder : recorders) {
            recorder.get();
        }
        recording.set(false);
        mover.get();
        assertThat(reader.get()).isPositive();
        pool.shutdown();

        CumulativeTotals totals = store.cumulative();
        long perThread = ROUNDS;
        long failures = THREADS * (long) ((ROUNDS + 3) / 4);
        long validations = THREADS * (long) ((ROUNDS + 7) / 8);
        Map<String, CallCounts> models = totals.generator(0).models();
        assertThat(models.get("m0").successes() + models.get("m1").successes()).isEqualTo(THREADS * perThread);
        assertThat(models.get("m0").failures() + models.get("m1").failures()).isEqualTo(failures);
        assertThat(totals.generator(0).failureTypes().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(failures);
        assertThat(totals.generator(0).dependencies().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(THREADS * perThread);
        assertThat(totals.outsideGenerations().models().get(CumulativeTotals.NONE).validationsFailed())
                .isEqualTo(validations);
        assertThat(totals.outsideGenerations().errorTypes().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(validations);
    }

    /** Every counter of every series, by a name of its own. */
    private static Map<String, Long> flatten(CumulativeTotals totals) {
        Map<String, Long> series = new HashMap<>();
        add(series, "generator", totals.generator(0));
        add(series, "outside", totals.outsideGenerations());
        return series;
    }

    private static void add(Map<String, Long> series, String prefix, CumulativeTotals.Generator generator) {
        generator.models().forEach((model, counts) -> {
            String key = prefix + "/" + model + "/";
            series.put(key + "successes", counts.successes());
            series.put(key + "failures", counts.failures());
            series.put(key + "validationsFailed", counts.validationsFailed());
            long[] buckets = counts.generationBuckets();
            series.put(key + "+Inf", buckets[buckets.length - 1]);
        });
        generator.failureTypes().forEach((type, count) -> series.put(prefix + "/failure/" + type, count));
        generator.errorTypes().forEach((type, count) -> series.put(prefix + "/error/" + type, count));
        generator.dependencies().forEach((name, count) -> series.put(prefix + "/dependency/" + name, count));
    }
}
