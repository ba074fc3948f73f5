package io.genscope.runtime.analytics;

import java.util.Map;

/**
 * Every figure for one window and one dimension (everything, a generator rule, or a model), in
 * one consistent object: what the Summary attribute and the {@code summary} operation return, as
 * a {@code CompositeData} over JMX.
 *
 * <p>Rates are ratios of two counts over the same window and lie in [0, 1]; a rate with nothing
 * to divide is 0. Times are in milliseconds; percentiles are within about 3 % (see
 * {@code LatencyHistogram}); mean and max are exact.
 *
 * @param windowSeconds          the window the figures cover, at slice resolution
 * @param generations            generations started (outermost generation calls entered)
 * @param completedGenerations   generations that ended, by returning or throwing
 * @param generationSuccesses    completed generations that returned normally
 * @param generationFailures     completed generations that threw
 * @param generationSuccessRate  generationSuccesses / completedGenerations
 * @param retryAttempts          retry calls started (nested generation calls and retry-role calls)
 * @param averageRetryCount      retries made by completed generations / completedGenerations
 * @param retriedGenerations     completed generations that retried at least once
 * @param retrySuccessRate       retried generations that succeeded / retriedGenerations
 * @param validations            validation calls ended
 * @param validationFailures     validations that failed (not ok, or threw)
 * @param validationFailureRate  validationFailures / validations
 * @param generationTimeMeanMillis mean duration of completed generations
 * @param generationTimeP50Millis  median duration of completed generations
 * @param generationTimeP95Millis  95th percentile duration
 * @param generationTimeP99Millis  99th percentile duration
 * @param generationTimeMaxMillis  longest duration
 * @param averagePromptLength    mean captured prompt length of generations started; 0 if none
 * @param averageCodeLength      mean captured code length of successful generations; 0 if none
 * @param topValidationErrors    error type to count in failed validations, most frequent first
 * @param dependencyUsage        dependency to number of successful generations using it, most first
 * @param generationFailureTypes exception class to number of failed generations, most first
 */
public record AnalyticsSummary(
        long windowSeconds,
        long generations,
        long completedGenerations,
        long generationSuccesses,
        long generationFailures,
        double generationSuccessRate,
        long retryAttempts,
        double averageRetryCount,
        long retriedGenerations,
        double retrySuccessRate,
        long validations,
        long validationFailures,
        double validationFailureRate,
        double generationTimeMeanMillis,
        double generationTimeP50Millis,
        double generationTimeP95Millis,
        double generationTimeP99Millis,
        double generationTimeMaxMillis,
        double averagePromptLength,
        double averageCodeLength,
        Map<String, Long> topValidationErrors,
        Map<String, Long> dependencyUsage,
        Map<String, Long> generationFailureTypes) {
}
