package io.genscope.runtime.store;

import io.genscope.runtime.testing.Records;
import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.testing.Threads;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's breakdown rows: each completed generation is counted under its value of each
 * dimension it has, exactly, with its first validation's outcome, retries and validations;
 * values past a dimension's cap in a slice share "(other)" with no count lost; rows of threads
 * that moved on and of threads still recording add up; and a window covers its slices only.
 */
class BreakdownTest {

    private static final Duration SLICE = Duration.ofMinutes(1);

    private final ManualClock clock = new ManualClock();
    private final TelemetryStore store = new TelemetryStore(TestSettings.slices(SLICE, Duration.ofMinutes(5),
            Duration.ofMinutes(10)).breakdowns(new BreakdownCaps(2, 3, 2, 4)).build(), 1, clock, model -> { });

    /**
     * Records a completed generation of {@code variant} for {@code user}: {@code validations}
     * outcomes in order, a retry before each but the first, taking {@code millis}.
     */
    private void generation(String variant, String user, int promptLength, long millis, boolean succeeded,
                            boolean... validations) {
        GenerationRecord generation = Records.generation("m");
        generation.variant = variant;
        generation.userId = user;
        generation.projectId = "billing";
        generation.promptLength = promptLength;
        generation.durationNanos = Duration.ofMillis(millis).toNanos();
        generation.failureType = succeeded ? null : "java.lang.IllegalStateException";
        for (int i = 0; i < validations.length; i++) {
            generation.validations++;
            if (i == 0) {
                generation.firstValidationPassed = validations[0];
            } else {
                generation.retries++;
            }
            if (!validations[i]) {
                generation.failedValidations++;
            }
        }
        Records.record(store, generation);
    }

    private Map<String, BreakdownTotals> rows(BreakdownDimension dimension) {
        return store.breakdown(Duration.ofMinutes(5), dimension);
    }

    /**
     * A thread finds its row (and its pair of rule and model) again without a scan while its values
     * stay the same; moving on to the next slice must forget the rows of the one it left, also for
     * a generation with no model (a rule that only times its calls).
     */
    @Test
    void theSameValuesInTheNextSliceAreCountedThereToo() {
        generation("v1", "u1", 100, 10, true);
        Records.success(store, null, Duration.ofMillis(5));
        clock.advance(SLICE);
        generation("v1", "u1", 100, 10, true);
        generation("v1", "u1", 100, 10, true);
        Records.success(store, null, Duration.ofMillis(5));

        assertThat(rows(BreakdownDimension.VARIANT).get("v1").generations()).isEqualTo(3);
        assertThat(rows(BreakdownDimension.USER).get("u1").generations()).isEqualTo(3);
        assertThat(store.totals(Duration.ofMinutes(5), Dimension.model("m")).successes()).isEqualTo(3);
        assertThat(store.totals(Duration.ofMinutes(5), Dimension.all()).successes()).isEqualTo(5);
    }

    @Test
    void countsEachCompletedGenerationUnderItsValueOfEachDimension() {
        generation("v1", "u1", 100, 10, true, true);
        generation("v1", "u2", 200, 20, true, false, true);
        generation("v1", "u1", 300, 40, false, false, false, false);
        generation("v2", "u1", 400, 80, true);

        assertThat(rows(BreakdownDimension.VARIANT)).containsOnlyKeys("v1", "v2");
        BreakdownTotals v1 = rows(BreakdownDimension.VARIANT).get("v1");
        assertThat(new long[] {v1.generations(), v1.successes(), v1.validatedGenerations(), v1.firstPassGenerations(),
                v1.retries(), v1.validations(), v1.validationFailures()})
                .containsExactly(3, 2, 3, 1, 3, 6, 4);
        assertThat(v1.averagePromptLength()).isEqualTo(200.0);
        BreakdownTotals v2 = rows(BreakdownDimension.VARIANT).get("v2");
        assertThat(v2.validatedGenerations()).as("no validation: not in the first-pass rate's base").isZero();
        assertThat(v2.generationTimeP50Millis()).isBetween(70.0, 90.0);

        assertThat(rows(BreakdownDimension.USER).get("u1").generations()).isEqualTo(3);
        assertThat(rows(BreakdownDimension.PROJECT).get("billing").generations()).isEqualTo(4);
        assertThat(rows(BreakdownDimension.PROMPT_CATEGORY)).as("not captured: no row").isEmpty();
    }

    @Test
    void aGenerationWithAValueOfOneDimensionOnlyIsCountedInThatDimension() {
        for (BreakdownDimension dimension : BreakdownDimension.values()) {
            GenerationRecord generation = Records.generation("m");
            switch (dimension) {
                case VARIANT -> generation.variant = "only";
                case PROJECT -> generation.projectId = "only";
                case USER -> generation.userId = "only";
                case PROMPT_CATEGORY -> generation.promptCategory = "only";
            }
            Records.record(store, generation);

            assertThat(rows(dimension)).as(dimension.configName()).containsOnlyKeys("only");
            assertThat(rows(dimension).get("only").generations()).as(dimension.configName()).isEqualTo(1);
        }
    }

    @Test
    void valuesPastTheCapInASliceShareOtherWithNoCountLost() {
        for (int user = 0; user < 5; user++) {
            for (int n = 0; n <= user; n++) {
                generation("v", "u" + user, 10, 1, true, true);
            }
        }

        Map<String, BreakdownTotals> users = rows(BreakdownDimension.USER);
        assertThat(users).containsOnlyKeys("u0", "u1", TelemetryStore.OTHER);
        assertThat(users.get(TelemetryStore.OTHER).generations()).isEqualTo(3 + 4 + 5);
        assertThat(users.get(TelemetryStore.OTHER).firstPassGenerations()).isEqualTo(3 + 4 + 5);

        clock.advance(SLICE);
        generation("v", "u4", 10, 1, true, true);
        assertThat(rows(BreakdownDimension.USER).get("u4").generations()).as("admitted afresh in a new slice")
                .isEqualTo(1);
    }

    @Test
    void rowsOfThreadsThatMovedOnAndOfThreadsStillRecordingAddUp() throws InterruptedException {
        generation("v1", "u1", 10, 1, true, true);
        Threads.runToEnd(() -> generation("v1", "u2", 10, 1, false, false));
        clock.advance(SLICE);
        Threads.runToEnd(() -> generation("v1", "u1", 10, 1, true));
        generation("v1", "u1", 10, 1, true, true);

        BreakdownTotals v1 = rows(BreakdownDimension.VARIANT).get("v1");
        assertThat(v1.generations()).isEqualTo(4);
        assertThat(v1.successes()).isEqualTo(3);
        assertThat(v1.validationFailures()).isEqualTo(1);
        assertThat(rows(BreakdownDimension.USER).get("u1").generations()).isEqualTo(3);
    }

    @Test
    void aWindowCoversItsSlicesOnlyAndNothingOutlivesTheRetention() {
        generation("old", "u1", 10, 1, true);
        clock.advance(Duration.ofMinutes(6));
        generation("new", "u1", 10, 1, true);

        assertThat(rows(BreakdownDimension.VARIANT)).containsOnlyKeys("new");
        assertThat(store.breakdown(Duration.ofMinutes(10), BreakdownDimension.VARIANT)).containsOnlyKeys("old", "new");
        clock.advance(Duration.ofMinutes(20));
        assertThat(store.breakdown(Duration.ofMinutes(10), BreakdownDimension.VARIANT)).isEmpty();
    }
}
