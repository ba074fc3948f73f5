package io.genscope.runtime.store;

/**
 * The figures of one value of a {@link BreakdownDimension} over a window, as the store sums them
 * from its slices: counts of completed generations, exact; times and prompt lengths read from
 * coarse histograms ({@link CoarseHistogram}: within about 12 %, never above the maximum).
 * Field meanings as in {@code io.genscope.runtime.analytics.BreakdownRow}, which is made of them.
 */
public record BreakdownTotals(long generations, long successes, long validatedGenerations, long firstPassGenerations,
                              long retries, long validations, long validationFailures,
                              double generationTimeP50Millis, double generationTimeP95Millis,
                              double averagePromptLength, double promptLengthP50, double promptLengthP95) {
}
