package io.genscope.runtime.jmx;

import io.genscope.runtime.analytics.AnalyticsSummary;

import java.util.Map;

/**
 * The figures every Genscope MBean shows for its slice of the traffic (everything, one generator
 * rule, or one model) over its window: the default one, or one of {@code store.windows}. Numbers
 * are plain attributes so JConsole can plot them; tables are {@code TabularData}; the summary is
 * one {@code CompositeData}. Attributes only, so a JMX {@code readonly} user reads them all.
 */
public interface FiguresMXBean {

    @Description("All figures over this MBean's window in one consistent read")
    AnalyticsSummary getSummary();

    @Description("Length of this MBean's window in seconds (whole time slices, at most the retention)")
    long getWindowSeconds();

    @Description("Generations started in the window: outermost calls of a generation method on a thread")
    long getGenerations();

    @Description("Completed generations in the window that returned normally")
    long getGenerationSuccesses();

    @Description("Completed generations in the window that threw (or whose future failed)")
    long getGenerationFailures();

    @Description("Generation success rate in [0,1]: successes / completed generations in the window; 0 if none")
    double getGenerationSuccessRate();

    @Description("Retry calls started in the window: nested generation calls plus retry-method calls")
    long getRetryAttempts();

    @Description("Average retry count: retries made by completed generations / completed generations; 0 if none")
    double getAverageRetryCount();

    @Description("Retry success rate in [0,1]: generations that retried and then succeeded / generations that"
            + " retried; 0 if none")
    double getRetrySuccessRate();

    @Description("Validation calls that ended in the window")
    long getValidations();

    @Description("Validations in the window that failed: the outcome was not ok, or the validation threw")
    long getValidationFailures();

    @Description("Validation failure rate in [0,1]: failed validations / validations in the window; 0 if none")
    double getValidationFailureRate();

    @Description("Median generation time in ms (within ~3%), completed generations in the window")
    double getGenerationTimeP50Millis();

    @Description("95th percentile generation time in ms (within ~3%)")
    double getGenerationTimeP95Millis();

    @Description("99th percentile generation time in ms (within ~3%)")
    double getGenerationTimeP99Millis();

    @Description("Longest generation time in ms (exact)")
    double getGenerationTimeMaxMillis();

    @Description("Validation error type -> count in failed validations of the window, most frequent first")
    Map<String, Long> getTopValidationErrors();

    @Description("Dependency -> number of successful generations in the window whose code uses it")
    Map<String, Long> getDependencyUsage();

    @Description("Exception class -> number of failed generations in the window")
    Map<String, Long> getGenerationFailureTypes();
}
