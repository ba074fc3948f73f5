package io.genscope.runtime.jmx;

import io.genscope.runtime.analytics.AnalyticsSummary;

import java.util.Map;

/**
 * {@code io.genscope:type=Telemetry,window=<w>}, one per window of {@code store.windows}: the
 * Telemetry figures and their by-model and by-generator tables over that window, as attributes
 * only, so a JMX {@code readonly} user reads every configured window. Per generator and per model
 * the figures are rows of those tables rather than MBeans of their own, so the MBeans a config
 * adds are bounded by the number of windows.
 */
@Description("Genscope: code generation telemetry over all instrumented generators, over one of store.windows"
        + " (see WindowSeconds)")
public interface TelemetryWindowMXBean extends FiguresMXBean {

    @Description("Model -> its figures over this MBean's window")
    Map<String, AnalyticsSummary> getByModel();

    @Description("Generator rule -> its figures over this MBean's window")
    Map<String, AnalyticsSummary> getByGenerator();
}
