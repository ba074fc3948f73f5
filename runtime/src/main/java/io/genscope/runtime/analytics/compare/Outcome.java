package io.genscope.runtime.analytics.compare;

/** What a comparison of a variant with the baseline concludes, for one rate or overall. */
public enum Outcome {
    /** The 95 % interval of the difference lies wholly above 0 (or, overall: better on a rate, worse on none). */
    BETTER,
    /** The 95 % interval lies wholly below 0 (or, overall: worse on a rate, better on none). */
    WORSE,
    /** Overall only: better on one rate and worse on the other. */
    MIXED,
    /**
     * The interval holds 0 although each variant has the generations needed to detect a
     * difference of {@code ab-test.min-difference} 80 % of the time: any difference is likely
     * smaller than that.
     */
    NO_DIFFERENCE,
    /** The interval holds 0 and more generations are needed to tell (see moreGenerationsNeeded). */
    NO_DIFFERENCE_YET,
    /** A variant has fewer than {@code ab-test.min-generations} in the window: nothing is judged. */
    TOO_FEW_GENERATIONS
}
