package io.genscope.runtime.store;

import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.genscope.runtime.testing.Records.failedValidation;
import static io.genscope.runtime.testing.Records.failure;
import static io.genscope.runtime.testing.Records.generation;
import static io.genscope.runtime.testing.Records.record;
import static io.genscope.runtime.testing.Records.success;
import static io.genscope.runtime.testing.Records.successUsing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The totals since start ({@link TelemetryStore#cumulative()}): equal to the windowed figures
 * while nothing has been let go, and still growing once slices go past the retention or a reset
 * lets every slice go, when the windowed figures fall to zero. 1 s slices, 3 s retention.
 */
class SinceStartTest {

    private static final Duration RESOLUTION = Duration.ofSeconds(1);
    private static final Duration RETENTION = Duration.ofSeconds(3);

    private final ManualClock clock = new ManualClock();
    private final TelemetryStore store = new TelemetryStore(
            TestSettings.slices(RESOLUTION, RETENTION, RETENTION).build(), 2, clock, model -> { });

    private CallCounts counts(String model) {
        return store.cumulative().generator(0).models().get(model);
    }

    private TallyTotals window() {
        return store.totals(RETENTION, Dimension.all());
    }

    /** One of each: success, failure, failed validation outside a generation, a dependency. */
    private void recordOneOfEach() {
        success(store, "m", Duration.ofMillis(7));
        failure(store, "m", "com.acme.Boom");
        failedValidation(store, "E1", "E2");
        successUsing(store, "m", "lib");
    }

    @Test
    void beforeAnythingIsLetGoTheCountersAreTheWindowedTotals() {
        recordOneOfEach();
        clock.advance(RESOLUTION);
        recordOneOfEach();

        TallyTotals window = window();
        CumulativeTotals totals = store.cumulative();
        CallCounts m = totals.generator(0).models().get("m");
        CallCounts none = totals.outsideGenerations().models().get(CumulativeTotals.NONE);
        assertThat(m.successes()).isEqualTo(window.successes()).isEqualTo(4);
        assertThat(m.failures()).isEqualTo(window.failures()).isEqualTo(2);
        assertThat(none.validationsFailed()).isEqualTo(window.validationFailures()).isEqualTo(2);
        assertThat(totals.generator(0).failureTypes()).isEqualTo(window.failureTypes());
        assertThat(totals.outsideGenerations().errorTypes()).isEqualTo(window.errorTypes());
        assertThat(totals.generator(0).dependencies()).isEqualTo(window.dependencies());
        assertThat(m.generationBuckets()[FixedBuckets.COUNT - 1]).isEqualTo(window.generationTime().count());
        assertThat(m.generationSeconds()).isEqualTo(window.generationTime().meanNanos() * 6 / 1e9);
    }

    @Test
    void countersKeepGrowingAcrossSlicesLetGoPastTheRetention() {
        for (int second = 0; second < 10; second++) {
            recordOneOfEach();
            clock.advance(RESOLUTION);
        }
        clock.advance(RETENTION);

        assertThat(window().generations()).isZero();
        CumulativeTotals totals = store.cumulative();
        assertThat(totals.generator(0).models().get("m").successes()).isEqualTo(20);
        assertThat(totals.generator(0).models().get("m").failures()).isEqualTo(10);
        assertThat(totals.generator(0).failureTypes()).containsExactly(entry("com.acme.Boom", 10L));
        assertThat(totals.generator(0).dependencies()).containsExactly(entry("lib", 10L));
        assertThat(totals.outsideGenerations().errorTypes()).containsExactly(entry("E1", 10L), entry("E2", 10L));
        assertThat(totals.outsideGenerations().models().get(CumulativeTotals.NONE).validationsFailed()).isEqualTo(10);
    }

    @Test
    void aResetClearsTheWindowButLowersNoCounter() {
        recordOneOfEach();
        store.reset();

        assertThat(window().generations()).isZero();
        assertThat(window().errorTypes()).isEmpty();
        assertThat(counts("m").successes()).isEqualTo(2);

        recordOneOfEach();
        store.reset();
        recordOneOfEach();

        assertThat(window().successes()).isEqualTo(2);
        assertThat(counts("m").successes()).isEqualTo(6);
        assertThat(counts("m").failures()).isEqualTo(3);
        assertThat(store.cumulative().outsideGenerations().errorTypes()).containsExactly(entry("E1", 3L), entry("E2", 3L));
    }

    @Test
    void aThreadStillAttachedToASliceLetGoIsCountedOnceWhileAndAfterItDrains() throws Exception {
        Thread other = new Thread(() -> success(store, "m", Duration.ZERO));
        other.start();
        other.join();
        success(store, "m", Duration.ZERO);
        store.reset();

        assertThat(counts("m").successes()).isEqualTo(2);
        clock.advance(RESOLUTION);
        success(store, "m", Duration.ZERO); // this thread leaves the slice let go
        assertThat(counts("m").successes()).isEqualTo(3);
        clock.advance(RETENTION);
        assertThat(counts("m").successes()).isEqualTo(3);
    }

    @Test
    void pairsCountEachGeneratorsModelsApartAndSumToTheRuleAndModelFigures() {
        record(store, generation(0, "m1"));
        record(store, generation(1, "m1"));
        record(store, generation(1, "m2"));

        CumulativeTotals totals = store.cumulative();
        assertThat(totals.generator(0).models().keySet()).containsExactly("m1");
        assertThat(totals.generator(1).models().keySet()).containsExactly("m1", "m2");
        assertThat(store.totals(RETENTION, Dimension.model("m1")).successes()).isEqualTo(2);
        assertThat(store.totals(RETENTION, Dimension.rule(1)).successes()).isEqualTo(2);
        assertThat(store.totals(RETENTION, Dimension.all()).successes()).isEqualTo(3);
    }

}
