package io.genscope.runtime.analytics.compare;

/**
 * One rate of a variant against the baseline's over the same window: the difference with its
 * 95 % interval ({@link ProportionDifference}) and what it says.
 *
 * <p>The rules, in order: either variant with fewer than {@code ab-test.min-generations} samples
 * is {@link Outcome#TOO_FEW_GENERATIONS}; an interval wholly above 0 is {@link Outcome#BETTER},
 * wholly below 0 {@link Outcome#WORSE}; otherwise each variant needs the sample size that detects
 * the observed difference (or {@code ab-test.min-difference}, whichever is larger) at 95 %
 * confidence and 80 % power ({@link SampleSize}); short of it the outcome is
 * {@link Outcome#NO_DIFFERENCE_YET}, with it {@link Outcome#NO_DIFFERENCE}. In practice the
 * latter means the observed difference is below {@code min-difference}: at the sample size that
 * detects an observed difference, Newcombe's interval of that difference no longer holds 0.
 *
 * @param baselineSamples       the baseline's generations (validated generations, for the first-pass rate)
 * @param samples               the variant's
 * @param baselineRate          the baseline's rate, a fraction in [0, 1]
 * @param rate                  the variant's rate, a fraction in [0, 1]
 * @param difference            rate − baselineRate, in [−1, 1]
 * @param differenceLow95       lower limit of the 95 % interval of the difference
 * @param differenceHigh95      upper limit of the 95 % interval of the difference
 * @param outcome               what the comparison concludes
 * @param verdict               the outcome in words, such as "v2 better" or "no difference yet: need ~120 more
 *                              generations"
 * @param moreGenerationsNeeded samples each variant still needs for a verdict; 0 once it has one
 */
public record RateComparison(
        long baselineSamples,
        long samples,
        double baselineRate,
        double rate,
        double difference,
        double differenceLow95,
        double differenceHigh95,
        Outcome outcome,
        String verdict,
        long moreGenerationsNeeded) {

    /**
     * @param variant the variant's name, for the verdict
     * @param samples what is counted, for the verdict: "generations" or "validated generations"
     */
    static RateComparison of(String variant, String samples, long successes, long trials, long baselineSuccesses,
                             long baselineTrials, ComparisonSettings settings) {
        ProportionDifference difference = ProportionDifference.of(successes, trials, baselineSuccesses, baselineTrials);
        double baselineRate = WilsonInterval.of(baselineSuccesses, baselineTrials).estimate();
        long fewest = Math.min(trials, baselineTrials);
        double effect = Math.max(Math.abs(difference.difference()), settings.minDifference());
        long needed = Math.max(0, SampleSize.toDetect(baselineRate, effect, difference.difference() >= 0) - fewest);
        Outcome outcome;
        if (fewest < settings.minGenerations()) {
            outcome = Outcome.TOO_FEW_GENERATIONS;
            needed = Math.max(needed, settings.minGenerations() - fewest);
        } else if (difference.above0()) {
            outcome = Outcome.BETTER;
            needed = 0;
        } else if (difference.below0()) {
            outcome = Outcome.WORSE;
            needed = 0;
        } else {
            outcome = needed == 0 ? Outcome.NO_DIFFERENCE : Outcome.NO_DIFFERENCE_YET;
        }
        return new RateComparison(baselineTrials, trials, baselineRate, WilsonInterval.of(successes, trials).estimate(),
                difference.difference(), difference.lower(), difference.upper(), outcome,
                verdict(outcome, variant, needed, samples), needed);
    }

    /** The words for an outcome: "v2 better", "no difference yet: need ~120 more generations", ... */
    static String verdict(Outcome outcome, String variant, long needed, String samples) {
        return switch (outcome) {
            case BETTER -> variant + " better";
            case WORSE -> variant + " worse";
            case MIXED -> variant + " mixed: better on one rate, worse on the other";
            case NO_DIFFERENCE -> "no difference";
            case NO_DIFFERENCE_YET -> "no difference yet: need ~" + needed + " more " + samples;
            case TOO_FEW_GENERATIONS -> "too few " + samples + ": need ~" + needed + " more";
        };
    }
}
