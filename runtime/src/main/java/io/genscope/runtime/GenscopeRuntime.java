package io.genscope.runtime;

import io.genscope.runtime.alerts.AlertMonitor;
import io.genscope.runtime.alerts.AlertSettings;
import io.genscope.runtime.analytics.Analytics;
import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.analytics.SummaryReport;
import io.genscope.runtime.analytics.VariantRows;
import io.genscope.runtime.analytics.compare.AbComparison;
import io.genscope.runtime.analytics.compare.AbTable;
import io.genscope.runtime.analytics.compare.ComparisonSettings;
import io.genscope.runtime.analytics.compare.VariantComparator;
import io.genscope.runtime.diagnostics.ErrorJournal;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.jmx.JmxExporter;
import io.genscope.runtime.metrics.FleetMetrics;
import io.genscope.runtime.metrics.MetricsSource;
import io.genscope.runtime.recording.TelemetryRecorder;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.store.TelemetrySettings;
import io.genscope.runtime.store.TelemetryStore;
import io.genscope.runtime.time.Clock;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the runtime (store, recorder, analytics, alerts, the A/B comparison, JMX) from what the agent read in the config
 * and switches {@link Genscope} to it. The agent keeps the returned instance to report which
 * methods each rule matched.
 *
 * <pre>{@code
 * GenscopeRuntime runtime = GenscopeRuntime.start(settings, rules, log, "1.0", "genscope.yaml", Clock.system());
 * runtime.rule(0).matched("com.acme.Gen#generate(Request)");
 * }</pre>
 */
public final class GenscopeRuntime {

    /** How many entries the keyed tables of a summary show. */
    private static final int TOP_ENTRIES = 20;

    private final List<RuleDiagnostics> rules;
    private final ErrorJournal journal;
    private final TelemetryStore store;
    private final Analytics analytics;
    private final JmxExporter jmx;
    private final TelemetryRecorder recorder;
    private final FleetMetrics metrics;
    private final AlertMonitor alerts;
    /**
     * The per-variant rows the A/B comparison reads: none until the store keeps a breakdown by
     * variant, whose rows then take this place.
     */
    private final VariantRows variants = VariantRows.NONE;
    private final VariantComparator comparator;

    private GenscopeRuntime(TelemetrySettings settings, AlertSettings alertSettings, ComparisonSettings abTest,
                            List<RuleDefinition> definitions, RuntimeLog log, String version, String configFile,
                            Clock clock) {
        this.rules = definitions.stream().map(RuleDiagnostics::new).toList();
        this.journal = new ErrorJournal(log);
        this.store = new TelemetryStore(settings, rules.size(), clock, this::modelChanged);
        this.analytics = new Analytics(store, TOP_ENTRIES);
        this.metrics = new FleetMetrics(store, definitions.stream().map(RuleDefinition::name).toList());
        this.jmx = new JmxExporter(analytics, store, rules, journal, version, configFile, metrics);
        this.recorder = new TelemetryRecorder(rules, store, journal);
        this.alerts = new AlertMonitor(alertSettings, definitions, store, log, journal);
        jmx.exposeAlerts(alerts);
        this.comparator = new VariantComparator(abTest);
        jmx.exposeVariants(variants, comparator);
    }

    /**
     * Builds the runtime without alerts, comparing variants by the default {@code ab-test}
     * settings, and makes the advice entry points record into it.
     */
    public static GenscopeRuntime start(TelemetrySettings settings, List<RuleDefinition> rules, RuntimeLog log,
                                        String version, String configFile, Clock clock) {
        return start(settings, AlertSettings.none(), ComparisonSettings.defaults(), rules, log, version, configFile,
                clock);
    }

    /**
     * Builds the runtime, makes the advice entry points record into it and, when an alert is
     * configured, starts evaluating the alerts.
     */
    public static GenscopeRuntime start(TelemetrySettings settings, AlertSettings alerts, ComparisonSettings abTest,
                                        List<RuleDefinition> rules, RuntimeLog log, String version, String configFile,
                                        Clock clock) {
        GenscopeRuntime runtime = new GenscopeRuntime(settings, alerts, abTest, rules, log, version, configFile, clock);
        Genscope.install(runtime.recorder, runtime.jmx::start);
        runtime.alerts.start();
        return runtime;
    }

    private void modelChanged(String model) {
        jmx.modelChanged(model);
    }

    /** The diagnostics of the rule at {@code index} in the list given to {@link #start}. */
    public RuleDiagnostics rule(int index) {
        return rules.get(index);
    }

    /**
     * The index for the advice of methods that rule {@code rule} weaves without the call captures
     * in {@code droppedCaptures} (bits of {@code RuleCaptures.bit}): see
     * {@link TelemetryRecorder#variant}. Its figures count under the rule.
     */
    public int variant(int rule, int droppedCaptures) {
        return recorder.variant(rule, droppedCaptures);
    }

    /** The log that also keeps errors for the Diagnostics MBean; the agent logs through it too. */
    public ErrorJournal journal() {
        return journal;
    }

    /**
     * Registers the MBeans now if not yet done, creating the platform MBean server if nobody has.
     * Safe to call any number of times. Otherwise they are registered when the platform MBean
     * server is created ({@link Genscope#platformMBeanServerCreated}).
     */
    public void exposeOverJmx() {
        jmx.start();
    }

    /** {@link #exposeOverJmx()} on the next intercepted call, for a caller that must not do it itself. */
    public void exposeOverJmxAtNextCall() {
        recorder.runAtNextCall(this::exposeOverJmx);
    }

    /**
     * The counters and histograms since start, for Prometheus: what the metrics endpoint and the
     * exporter's MBean serve. One instance for the runtime, so its counters never go down.
     */
    public MetricsSource metrics() {
        return metrics;
    }

    /** All figures over the default window. */
    public AnalyticsSummary summary() {
        return analytics.summary(Dimension.all());
    }

    /** The A/B comparison of the prompt variants over the default window. */
    public AbComparison variants() {
        Duration window = analytics.defaultWindow();
        return comparator.compare(variants.variants(window), analytics.coveredSeconds(window));
    }

    /**
     * The default window's figures as text, overall and per model, then the A/B table of the
     * prompt variants when any variant was captured.
     */
    public String report() {
        Map<String, AnalyticsSummary> byModel = new LinkedHashMap<>();
        store.models(analytics.defaultWindow()).forEach(model -> byModel.put(model, analytics.summary(Dimension.model(model))));
        String report = SummaryReport.format(summary(), byModel);
        AbComparison variants = variants();
        return variants.baseline().isEmpty() ? report : report + "\n" + AbTable.format(variants);
    }
}
