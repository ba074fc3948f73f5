package io.genscope.runtime.jmx;

import io.genscope.runtime.analytics.AnalyticsSummary;

import java.util.Map;

/** {@code io.genscope:type=Telemetry}: figures over all generators, breakdowns, export and reset. */
@Description("Genscope: code generation telemetry over all instrumented generators (default window)")
public interface TelemetryMXBean extends FiguresMXBean {

    @Description("Model -> its figures over the default window")
    Map<String, AnalyticsSummary> getByModel();

    @Description("Generator rule -> its figures over the default window")
    Map<String, AnalyticsSummary> getByGenerator();

    @Description("The newest raw events (at most max, within the retention) as a JSON array, newest first."
            + " Metadata only: no prompt text, no generated code")
    String exportEvents(@Description(name = "max", value = "how many events at most") int max);

    @Description("Forgets all counts and events; figures start again from zero")
    void reset();
}
