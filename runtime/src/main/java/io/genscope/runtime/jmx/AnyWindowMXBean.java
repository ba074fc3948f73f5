package io.genscope.runtime.jmx;

import io.genscope.runtime.analytics.AnalyticsSummary;

import java.util.Map;

/**
 * Queries over a window of the caller's choosing, beside the attributes of the default one.
 * Operations, so a JMX {@code readonly} user cannot call them: the windows such a user reads are
 * the ones {@code store.windows} lists, each an MBean of attributes of its own.
 */
public interface AnyWindowMXBean {

    @Description("All figures over the last windowSeconds (rounded up to whole slices, at most the retention)")
    AnalyticsSummary summaryForWindow(
            @Description(name = "windowSeconds", value = "window length in seconds") long windowSeconds);

    @Description("Validation failure rate in [0,1] over the last windowSeconds: failed validations / validations")
    double validationFailureRate(
            @Description(name = "windowSeconds", value = "window length in seconds") long windowSeconds);

    @Description("The n most frequent validation error types over the last windowSeconds")
    Map<String, Long> topErrors(
            @Description(name = "n", value = "how many error types") int n,
            @Description(name = "windowSeconds", value = "window length in seconds") long windowSeconds);
}
