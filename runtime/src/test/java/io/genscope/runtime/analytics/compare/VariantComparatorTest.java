package io.genscope.runtime.analytics.compare;

import io.genscope.runtime.analytics.BreakdownRow;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The verdict rules of the A/B comparison, on rows whose intervals and sample sizes are worked
 * out in {@link ProportionDifferenceTest} and {@link SampleSizeTest} or in the comments here.
 */
class VariantComparatorTest {

    private static final VariantComparator DEFAULTS = new VariantComparator(ComparisonSettings.defaults());

    /** A variant's row: generations and successes, validated generations and first passes, p95 time. */
    static BreakdownRow row(String variant, long generations, long successes, long validated, long firstPass,
                            double p95Millis) {
        return new BreakdownRow(variant, generations, successes, validated, firstPass, 0, validated,
                validated - firstPass, p95Millis / 2, p95Millis, 0, 0, 0);
    }

    private static BreakdownRow row(String variant, long generations, long successes) {
        return row(variant, generations, successes, 0, 0, 1000);
    }

    @Test
    void anIntervalAboveZeroIsBetter() {
        // Newcombe's Table II (a): 56/70 - 48/80 = 0.2000, 95 % interval 0.0524 to 0.3339.
        AbComparison comparison = DEFAULTS.compare(List.of(row("v2", 70, 56, 0, 0, 1200), row("v1", 80, 48, 0, 0, 1000)),
                300);

        assertThat(comparison.baseline()).isEqualTo("v1");
        assertThat(comparison.note()).isEmpty();
        assertThat(comparison.windowSeconds()).isEqualTo(300);
        assertThat(comparison.comparisons()).containsOnlyKeys("v2");
        VariantComparison v2 = comparison.comparisons().get("v2");
        assertThat(v2.successRate().difference()).isCloseTo(0.2, within(1e-12));
        assertThat(v2.successRate().differenceLow95()).isCloseTo(0.0524, within(0.00005));
        assertThat(v2.successRate().differenceHigh95()).isCloseTo(0.3339, within(0.00005));
        assertThat(v2.successRate().rate()).isEqualTo(0.8);
        assertThat(v2.successRate().baselineRate()).isEqualTo(0.6);
        assertThat(v2.successRate().samples()).isEqualTo(70);
        assertThat(v2.successRate().baselineSamples()).isEqualTo(80);
        assertThat(v2.successRate().outcome()).isEqualTo(Outcome.BETTER);
        assertThat(v2.successRate().moreGenerationsNeeded()).isZero();
        assertThat(v2.outcome()).isEqualTo(Outcome.BETTER);
        assertThat(v2.verdict()).isEqualTo("v2 better");
        assertThat(v2.generationTimeP95DifferenceMillis()).isEqualTo(200.0);
        assertThat(v2.baselineGenerationTimeP95Millis()).isEqualTo(1000.0);
    }

    @Test
    void anIntervalBelowZeroIsWorse() {
        // The same rows the other way round: -0.2000, -0.3339 to -0.0524.
        VariantComparison v2 = DEFAULTS.compare(List.of(row("v1", 70, 56), row("v2", 80, 48)), 300)
                .comparisons().get("v2");
        assertThat(v2.successRate().outcome()).isEqualTo(Outcome.WORSE);
        assertThat(v2.outcome()).isEqualTo(Outcome.WORSE);
        assertThat(v2.verdict()).isEqualTo("v2 worse");
    }

    @Test
    void anIntervalAcrossZeroNeedsTheSampleSizeOfTheMinimalDifference() {
        // Table II (e): 0/10 - 0/20, interval -0.1611 to 0.2775 holds 0. The observed difference is
        // 0, so the sample size is for min-difference 0.02 from the baseline's 0 upwards: 0.02
        // against 0 needs 388 per variant (SampleSizeTest); the smaller variant has 10: 378 more.
        VariantComparator comparator = new VariantComparator(new ComparisonSettings("", 10, 0.02));
        VariantComparison v2 = comparator.compare(List.of(row("v1", 20, 0), row("v2", 10, 0)), 300)
                .comparisons().get("v2");
        assertThat(v2.successRate().outcome()).isEqualTo(Outcome.NO_DIFFERENCE_YET);
        assertThat(v2.successRate().moreGenerationsNeeded()).isEqualTo(378);
        assertThat(v2.outcome()).isEqualTo(Outcome.NO_DIFFERENCE_YET);
        assertThat(v2.moreGenerationsNeeded()).isEqualTo(378);
        assertThat(v2.verdict()).isEqualTo("no difference yet: need ~378 more generations");
    }

    @Test
    void enoughGenerationsWithoutADifferenceIsNoDifference() {
        // 800/1000 against 800/1000 with min-difference 0.05: the sample size for 0.85 against 0.8
        // is p̄ = 0.825: √(2 · 0.825 · 0.175) = 0.537355, · 1.959964 = 1.053196;
        // √(0.85 · 0.15 + 0.8 · 0.2) = 0.536190, · 0.841621 = 0.451269;
        // (1.053196 + 0.451269)² = 2.263414; / 0.05² = 905.37 -> 906, and each has 1000.
        VariantComparator comparator = new VariantComparator(new ComparisonSettings("", 30, 0.05));
        VariantComparison v2 = comparator.compare(List.of(row("v1", 1000, 800), row("v2", 1000, 800)), 300)
                .comparisons().get("v2");
        assertThat(v2.successRate().outcome()).isEqualTo(Outcome.NO_DIFFERENCE);
        assertThat(v2.outcome()).isEqualTo(Outcome.NO_DIFFERENCE);
        assertThat(v2.verdict()).isEqualTo("no difference");
        assertThat(v2.moreGenerationsNeeded()).isZero();

        // With 900 each, 6 more are needed for the same horizon.
        VariantComparison short6 = comparator.compare(List.of(row("v1", 900, 720), row("v2", 900, 720)), 300)
                .comparisons().get("v2");
        assertThat(short6.outcome()).isEqualTo(Outcome.NO_DIFFERENCE_YET);
        assertThat(short6.moreGenerationsNeeded()).isEqualTo(6);
    }

    @Test
    void fewerThanMinGenerationsIsNotJudgedEvenWhenTheIntervalExcludesZero() {
        // Table II (b): 9/10 - 3/10, interval 0.1705 to 0.8090, but 10 < min-generations 30.
        // Its own sample size, 0.9 against 0.3: p̄ = 0.6: √0.48 · 1.959964 = 1.357903;
        // √(0.09 + 0.21) · 0.841621 = 0.460975; 1.818878² / 0.6² = 9.19 -> 10, already there;
        // so what is missing is min-generations: 30 - 10 = 20.
        VariantComparison v2 = DEFAULTS.compare(List.of(row("v1", 10, 3), row("v2", 10, 9)), 300)
                .comparisons().get("v2");
        assertThat(v2.successRate().outcome()).isEqualTo(Outcome.TOO_FEW_GENERATIONS);
        assertThat(v2.successRate().differenceLow95()).isCloseTo(0.1705, within(0.00005));
        assertThat(v2.outcome()).isEqualTo(Outcome.TOO_FEW_GENERATIONS);
        assertThat(v2.moreGenerationsNeeded()).isEqualTo(20);
        assertThat(v2.verdict()).isEqualTo("too few generations: need ~20 more");
    }

    @Test
    void betterOnOneRateAndWorseOnTheOtherIsMixed() {
        // Success rate 56/70 against 48/80 (better); first-pass rate 48/80 against 56/70 (worse).
        VariantComparison v2 = DEFAULTS.compare(List.of(row("v1", 80, 48, 70, 56, 1000), row("v2", 70, 56, 80, 48, 1000)),
                300).comparisons().get("v2");
        assertThat(v2.successRate().outcome()).isEqualTo(Outcome.BETTER);
        assertThat(v2.firstPassRate().outcome()).isEqualTo(Outcome.WORSE);
        assertThat(v2.firstPassRate().verdict()).isEqualTo("v2 worse");
        assertThat(v2.outcome()).isEqualTo(Outcome.MIXED);
        assertThat(v2.verdict()).startsWith("v2 mixed");
    }

    @Test
    void theFirstPassRateDecidesWhenTheSuccessRateCannot() {
        // Success 80/100 each (no difference yet); first pass 56/70 against 48/80 (better).
        VariantComparison v2 = DEFAULTS.compare(List.of(row("v1", 100, 80, 80, 48, 1000),
                row("v2", 100, 80, 70, 56, 1000)), 300).comparisons().get("v2");
        assertThat(v2.successRate().outcome()).isEqualTo(Outcome.NO_DIFFERENCE_YET);
        assertThat(v2.firstPassRate().outcome()).isEqualTo(Outcome.BETTER);
        assertThat(v2.outcome()).isEqualTo(Outcome.BETTER);
    }

    @Test
    void aFirstPassRateWithTooFewValidationsIsLeftOut() {
        // No validation at all: the first-pass rate is "too few", the overall verdict is the success
        // rate's. What it lacks is the larger of min-generations (30) and the sample size for
        // min-difference 0.02 from a rate of 0: 388 (SampleSizeTest), less the 0 it has.
        VariantComparison v2 = DEFAULTS.compare(List.of(row("v1", 80, 48), row("v2", 70, 56)), 300)
                .comparisons().get("v2");
        assertThat(v2.firstPassRate().outcome()).isEqualTo(Outcome.TOO_FEW_GENERATIONS);
        assertThat(v2.firstPassRate().verdict()).isEqualTo("too few validated generations: need ~388 more");
        assertThat(v2.outcome()).isEqualTo(Outcome.BETTER);
    }

    @Test
    void theBaselineIsTheFirstByNameOrTheConfiguredOne() {
        List<BreakdownRow> rows = List.of(row("v3", 90, 60), row("v1", 50, 30), row("v2", 100, 70));
        AbComparison byName = DEFAULTS.compare(rows, 300);
        assertThat(byName.baseline()).isEqualTo("v1");
        assertThat(byName.comparisons()).containsOnlyKeys("v2", "v3");

        AbComparison configured = new VariantComparator(new ComparisonSettings("v2", 30, 0.02)).compare(rows, 300);
        assertThat(configured.baseline()).isEqualTo("v2");
        assertThat(configured.comparisons().keySet()).containsExactly("v1", "v3");
        assertThat(configured.comparisons().get("v1").baseline()).isEqualTo("v2");
    }

    @Test
    void otherIsNeitherBaselineNorCompared() {
        // "(other)" sorts before "v1" and is the busiest; it still is not the baseline.
        AbComparison comparison = DEFAULTS.compare(List.of(row("(other)", 500, 400), row("v1", 50, 30),
                row("v2", 50, 40)), 300);
        assertThat(comparison.baseline()).isEqualTo("v1");
        assertThat(comparison.comparisons()).containsOnlyKeys("v2");
    }

    @Test
    void whyThereIsNoComparisonIsSaid() {
        assertThat(DEFAULTS.compare(List.of(), 300).note()).isEqualTo("no variant has a generation in the window");
        AbComparison single = DEFAULTS.compare(List.of(row("v1", 50, 30)), 300);
        assertThat(single.baseline()).isEqualTo("v1");
        assertThat(single.note()).isEqualTo("only one variant has generations in the window");
        AbComparison missing = new VariantComparator(new ComparisonSettings("control", 30, 0.02))
                .compare(List.of(row("v1", 50, 30), row("v2", 50, 30)), 300);
        assertThat(missing.comparisons()).isEmpty();
        assertThat(missing.note()).isEqualTo("the baseline control (ab-test.baseline) has no generation in the window");
    }

    @Test
    void extremeRowsGiveNoNaN() throws ReflectiveOperationException {
        List<BreakdownRow> rows = List.of(row("a", 1, 1, 0, 0, 0), row("b", 1, 0, 1, 1, 0), row("c", 1000, 1000, 1000, 0, 5),
                row("d", 2, 2, 2, 2, 0), row("e", 0, 0));
        for (String baseline : List.of("a", "b", "c", "d")) {
            AbComparison comparison = new VariantComparator(new ComparisonSettings(baseline, 1, 0.5)).compare(rows, 60);
            assertThat(comparison.comparisons()).hasSize(3);
            for (VariantComparison variant : comparison.comparisons().values()) {
                assertFinite(variant);
                assertFinite(variant.successRate());
                assertFinite(variant.firstPassRate());
                assertThat(variant.moreGenerationsNeeded()).isNotNegative();
            }
        }
    }

    private static void assertFinite(Record record) throws ReflectiveOperationException {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getType() == double.class) {
                assertThat((double) component.getAccessor().invoke(record)).as(component.getName()).isFinite();
            }
        }
    }
}
