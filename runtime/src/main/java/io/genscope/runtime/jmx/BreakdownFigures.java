package io.genscope.runtime.jmx;

import io.genscope.runtime.analytics.BreakdownRow;

/**
 * A {@link BreakdownRow} as a Breakdown MBean shows it: its rates first, then the counts they are
 * made of (item descriptions in {@link ItemDescriptions#BREAKDOWN}).
 */
public record BreakdownFigures(
        long generations,
        double successRate,
        double firstPassRate,
        double averageRetries,
        double validationFailureRate,
        double generationTimeP50Millis,
        double generationTimeP95Millis,
        double averagePromptLength,
        double promptLengthP50,
        double promptLengthP95,
        long successes,
        long validatedGenerations,
        long firstPassGenerations,
        long retries,
        long validations,
        long validationFailures) {

    static BreakdownFigures of(BreakdownRow row) {
        return new BreakdownFigures(row.generations(), row.successRate(), row.firstPassRate(), row.averageRetries(),
                row.validationFailureRate(), row.generationTimeP50Millis(), row.generationTimeP95Millis(),
                row.averagePromptLength(), row.promptLengthP50(), row.promptLengthP95(), row.successes(),
                row.validatedGenerations(), row.firstPassGenerations(), row.retries(), row.validations(),
                row.validationFailures());
    }
}
