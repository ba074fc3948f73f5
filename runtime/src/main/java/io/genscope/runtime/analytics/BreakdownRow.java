package io.genscope.runtime.analytics;

/**
 * One value of a breakdown dimension (a prompt variant, a project, a user's pseudonym, a prompt
 * category) with its figures over one window: a row of the breakdown tables, and what the A/B
 * comparison of variants reads. Counts are exact over the window; the rates are derived from
 * them here, so every consumer divides the same way.
 *
 * @param value                   the dimension's value, or {@code "(other)"} past its cap
 * @param generations             completed generations
 * @param successes               completed generations that succeeded
 * @param validatedGenerations    completed generations with at least one validation
 * @param firstPassGenerations    of those, the generations whose first validation passed
 * @param retries                 retries made by the completed generations
 * @param validations             validations attributed to the completed generations
 * @param validationFailures      of those, the validations that failed
 * @param generationTimeP50Millis median duration of the completed generations
 * @param generationTimeP95Millis 95th percentile duration of the completed generations
 * @param averagePromptLength     mean captured prompt length; 0 when none was captured
 * @param promptLengthP50         median captured prompt length; 0 when none was captured
 * @param promptLengthP95         95th percentile captured prompt length; 0 when none was captured
 */
public record BreakdownRow(
        String value,
        long generations,
        long successes,
        long validatedGenerations,
        long firstPassGenerations,
        long retries,
        long validations,
        long validationFailures,
        double generationTimeP50Millis,
        double generationTimeP95Millis,
        double averagePromptLength,
        double promptLengthP50,
        double promptLengthP95) {

    /** successes / generations, 0 with no generation. */
    public double successRate() {
        return ratio(successes, generations);
    }

    /** firstPassGenerations / validatedGenerations, 0 with no validated generation. */
    public double firstPassRate() {
        return ratio(firstPassGenerations, validatedGenerations);
    }

    /** retries / generations, 0 with no generation. */
    public double averageRetries() {
        return ratio(retries, generations);
    }

    /** validationFailures / validations, 0 with no validation. */
    public double validationFailureRate() {
        return ratio(validationFailures, validations);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
