package io.genscope.agent.config;

import io.genscope.runtime.alerts.AlertSettings;
import io.genscope.runtime.analytics.compare.ComparisonSettings;
import io.genscope.runtime.store.TelemetrySettings;

import java.util.List;
import java.util.Objects;

/**
 * The whole config file, typed and validated: what {@link ConfigLoader} hands to the agent.
 *
 * @param enabled  {@code enabled}: {@code false} makes the agent do nothing at all, not even
 *                 instrument. Default {@code true}.
 * @param strict   {@code strict}: {@code true} asks the agent to refuse to start when the config
 *                 has any problem, instead of dropping the bad rule or using the default for the
 *                 bad value. Default {@code false}.
 * @param logLevel {@code log-level}: how much the agent logs. Default {@link LogLevel#INFO}.
 * @param reportOnExit {@code report-on-exit}: {@code true} prints the analytics summary to stderr
 *                 when the JVM exits (a shutdown hook: a thread that only starts at exit). Default
 *                 {@code false}.
 * @param store    {@code store}: sizes and time slicing of the telemetry store.
 * @param metrics  {@code metrics}: the built-in endpoint for Prometheus, off by default.
 * @param alerts   {@code alerts}: the alerts evaluated in the JVM; none unless the file names them.
 * @param jfr      {@code jfr}: Genscope's JDK Flight Recorder events, on by default.
 * @param abTest   {@code ab-test}: how the Variants MBean compares prompt variants with a baseline.
 * @param rules    {@code rules}: the methods to intercept, in file order, without the rules that
 *                 had problems. No default; empty when the file gives none.
 */
public record GenscopeSettings(
        boolean enabled, boolean strict, LogLevel logLevel, boolean reportOnExit, TelemetrySettings store,
        MetricsSettings metrics, AlertSettings alerts, JfrSettings jfr, ComparisonSettings abTest,
        List<RuleSettings> rules) {

    public GenscopeSettings {
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(jfr, "jfr");
        Objects.requireNonNull(abTest, "abTest");
        rules = List.copyOf(rules);
    }
}
