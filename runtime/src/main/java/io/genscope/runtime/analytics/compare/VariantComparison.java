package io.genscope.runtime.analytics.compare;

/**
 * A prompt variant against the baseline over one window: its success rate and first-pass rate
 * each with the difference's 95 % interval and a verdict ({@link RateComparison}), its p95
 * generation time beside the baseline's, and an overall verdict.
 *
 * <p>The overall outcome: {@link Outcome#TOO_FEW_GENERATIONS} when the success rate has too few
 * generations to judge; else {@link Outcome#BETTER} or {@link Outcome#WORSE} when a rate is
 * better (worse) and none worse (better), {@link Outcome#MIXED} when one is better and the other
 * worse; else {@link Outcome#NO_DIFFERENCE_YET} when a rate needs more generations; else
 * {@link Outcome#NO_DIFFERENCE}. The first-pass rate counts only once both variants have
 * {@code ab-test.min-generations} validated generations (a rule without validations has none).
 * The p95 time has no interval (it comes from each variant's histogram, not from samples that a
 * test could use) and takes no part in the verdict.
 *
 * @param variant                           the variant compared
 * @param baseline                          the variant it is compared with
 * @param outcome                           what the comparison concludes overall
 * @param verdict                           the outcome in words
 * @param moreGenerationsNeeded             generations each variant still needs for a verdict (the largest of the
 *                                          rates' figures; the first-pass rate's counts validated generations)
 * @param successRate                       the success rate against the baseline's
 * @param firstPassRate                     the first-pass rate against the baseline's
 * @param generationTimeP95Millis           the variant's 95th percentile generation time, in milliseconds
 * @param baselineGenerationTimeP95Millis   the baseline's, in milliseconds
 * @param generationTimeP95DifferenceMillis the variant's minus the baseline's, in milliseconds
 */
public record VariantComparison(
        String variant,
        String baseline,
        Outcome outcome,
        String verdict,
        long moreGenerationsNeeded,
        RateComparison successRate,
        RateComparison firstPassRate,
        double generationTimeP95Millis,
        double baselineGenerationTimeP95Millis,
        double generationTimeP95DifferenceMillis) {
}
