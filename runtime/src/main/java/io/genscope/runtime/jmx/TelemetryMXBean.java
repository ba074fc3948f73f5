package io.genscope.runtime.jmx;

/** {@code io.genscope:type=Telemetry}: figures over all generators, breakdowns, export and reset. */
@Description("Genscope: code generation telemetry over all instrumented generators (default window)")
public interface TelemetryMXBean extends TelemetryWindowMXBean, AnyWindowMXBean {

    /** The most events one {@link #exportEvents} call returns, whatever {@code max} says: about 25 MB of JSON. */
    int MAX_EXPORTED_EVENTS = 100_000;

    @Description("The newest raw events (at most max, and at most 100000, within the retention) as a JSON array,"
            + " newest first; max <= 0 gives []. Metadata only: no prompt text, no generated code")
    String exportEvents(@Description(name = "max", value = "how many events at most (up to 100000)") int max);

    @Action
    @Description("Forgets all counts and events; figures start again from zero")
    void reset();
}
