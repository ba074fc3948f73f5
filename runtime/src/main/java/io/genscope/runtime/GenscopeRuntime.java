package io.genscope.runtime;

import io.genscope.runtime.alerts.AlertMonitor;
import io.genscope.runtime.alerts.AlertSettings;
import io.genscope.runtime.analytics.Analytics;
import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.analytics.RequestSummary;
import io.genscope.runtime.analytics.BreakdownRow;
import io.genscope.runtime.analytics.SummaryReport;
import io.genscope.runtime.analytics.VariantRows;
import io.genscope.runtime.analytics.compare.AbComparison;
import io.genscope.runtime.analytics.compare.AbTable;
import io.genscope.runtime.analytics.compare.ComparisonSettings;
import io.genscope.runtime.analytics.compare.VariantComparator;
import io.genscope.runtime.diagnostics.ErrorJournal;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.jfr.Timeline;
import io.genscope.runtime.jmx.JmxExporter;
import io.genscope.runtime.metrics.FleetMetrics;
import io.genscope.runtime.metrics.MetricsSource;
import io.genscope.runtime.recording.TelemetryRecorder;
import io.genscope.runtime.reload.ConfigVersion;
import io.genscope.runtime.reload.ReloadResult;
import io.genscope.runtime.reload.Reloader;
import io.genscope.runtime.reload.RuleBinding;
import io.genscope.runtime.reload.RuleSlots;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.store.BreakdownDimension;
import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.store.ModelListener;
import io.genscope.runtime.store.RequestTotals;
import io.genscope.runtime.store.TelemetrySettings;
import io.genscope.runtime.store.TelemetryStore;
import io.genscope.runtime.time.Clock;

import javax.management.MBeanServer;
import java.time.Instant;
import java.util.ArrayList;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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

    private final RuleSlots rules;
    private final ConfigVersion config;
    private volatile Reloader reloader = new Reloader() {
        @Override
        public ReloadResult reload() {
            return ReloadResult.refused("(none)", 1,
                    List.of("this Genscope cannot reload: it was started without a config file"));
        }
    };
    private final ErrorJournal journal;
    private final TelemetryStore store;
    private final Analytics analytics;
    private final JmxExporter jmx;
    private final TelemetryRecorder recorder;
    private final FleetMetrics metrics;
    private final AlertMonitor alerts;
    /** {@code null} when no rule has the role {@code request}. */
    private final RequestTotals requests;
    /** The per-variant rows the A/B comparison reads: the variant breakdown's. */
    private final VariantRows variants;
    private final VariantComparator comparator;

    private GenscopeRuntime(TelemetrySettings settings, AlertSettings alertSettings, ComparisonSettings abTest,
                            boolean flightRecorderEvents, List<RuleDefinition> definitions, RuntimeLog log,
                            String version, String configFile, Clock clock) {
        this.rules = new RuleSlots(definitions);
        this.config = new ConfigVersion(configFile, ConfigVersion.hash(configFile),
                Instant.ofEpochMilli(clock.wallMillis()));
        this.journal = new ErrorJournal(log);
        this.store = new TelemetryStore(settings, rules.capacity(), clock, new ModelListener() {
            @Override
            public void changed(String model) {
                jmx.modelChanged(model);
            }
        });
        this.analytics = new Analytics(store, TOP_ENTRIES);
        this.metrics = new FleetMetrics(store, new IntFunction<>() {
            @Override
            public String apply(int slot) {
                return slot < rules.size() ? rules.get(slot).rule().name() : null;
            }
        });
        this.jmx = new JmxExporter(analytics, store, rules, journal, version, config, new Supplier<>() {
            @Override
            public Reloader get() {
                return reloader;
            }
        }, metrics);
        this.requests = anyRequestRule(definitions) ? new RequestTotals() : null;
        this.recorder = new TelemetryRecorder(rules, store, journal, requests,
                Timeline.of(flightRecorderEvents, journal));
        if (requests != null) {
            jmx.exposeRequests(requests);
        }
        this.alerts = new AlertMonitor(alertSettings, definitions, store, log, journal);
        jmx.exposeAlerts(alerts);
        this.variants = new VariantRows() {
            @Override
            public List<BreakdownRow> variants(Duration window) {
                return analytics.breakdown(BreakdownDimension.VARIANT, window);
            }
        };
        this.comparator = new VariantComparator(abTest);
        jmx.exposeVariants(variants, comparator);
    }

    /**
     * Builds the runtime without alerts and JFR events, comparing variants by the default
     * {@code ab-test} settings, and makes the advice entry points record into it.
     */
    public static GenscopeRuntime start(TelemetrySettings settings, List<RuleDefinition> rules, RuntimeLog log,
                                        String version, String configFile, Clock clock) {
        return start(settings, AlertSettings.none(), ComparisonSettings.defaults(), false, rules, log, version,
                configFile, clock);
    }

    /**
     * Builds the runtime, makes the advice entry points record into it and, when an alert is
     * configured, starts evaluating the alerts.
     *
     * @param abTest               {@code ab-test}: how the Variants MBean compares prompt variants
     * @param flightRecorderEvents {@code jfr.events}: whether calls are also JDK Flight Recorder
     *                             events (see {@link Timeline#of})
     */
    public static GenscopeRuntime start(TelemetrySettings settings, AlertSettings alerts, ComparisonSettings abTest,
                                        boolean flightRecorderEvents, List<RuleDefinition> rules, RuntimeLog log,
                                        String version, String configFile, Clock clock) {
        GenscopeRuntime runtime = new GenscopeRuntime(settings, alerts, abTest, flightRecorderEvents, rules, log,
                version, configFile, clock);
        Genscope.install(runtime.recorder, new Consumer<>() {
            @Override
            public void accept(MBeanServer server) {
                runtime.jmx.start(server);
            }
        });
        runtime.alerts.start();
        return runtime;
    }

    /**
     * Whether a rule has the role {@code request}. A loop, as are the call-backs above anonymous
     * classes rather than lambdas: each lambda is a class spun at its first use, about 0.25 ms of
     * every start (issue 14).
     */
    private static boolean anyRequestRule(List<RuleDefinition> definitions) {
        for (RuleDefinition rule : definitions) {
            if (rule.role() == Role.REQUEST) {
                return true;
            }
        }
        return false;
    }

    /** The diagnostics of the rule at {@code index} in the list given to {@link #start}. */
    public RuleDiagnostics rule(int index) {
        return rules.get(index);
    }

    /** The rules' store slots: those in use and those a reload retired. */
    public RuleSlots rules() {
        return rules;
    }

    /** The config in use. */
    public ConfigVersion.State config() {
        return config.current();
    }

    /** Has the Control MBean's {@code reload} call {@code reloader}. */
    public void reloadWith(Reloader reloader) {
        this.reloader = reloader;
    }

    /**
     * Why {@code rules}, a reloaded config's, cannot be {@linkplain #adopt adopted} while this JVM
     * runs, one line each; empty when they can. A rule keeps its role for the JVM's life (its slot
     * counts what its role counts), even one removed by an earlier reload; new names need free
     * slots ({@link RuleSlots#capacity()}), and each new or changed rule an advice index.
     */
    public List<String> cannotAdopt(List<RuleDefinition> rules, Set<String> unchanged) {
        List<String> problems = new ArrayList<>();
        int newNames = 0;
        for (RuleDefinition rule : rules) {
            OptionalInt slot = this.rules.slotOf(rule.name());
            if (slot.isEmpty()) {
                newNames++;
            } else if (this.rules.get(slot.getAsInt()).rule().role() != rule.role()) {
                problems.add("rule '" + rule.name() + "' would change role from "
                        + this.rules.get(slot.getAsInt()).rule().role().configName() + " to " + rule.role().configName()
                        + ", which a running JVM cannot do (its figures are counted as the old role's): give it a new"
                        + " name, or restart the JVM");
            }
        }
        if (requests == null && rules.stream().anyMatch(rule -> rule.role() == Role.REQUEST)) {
            problems.add("a rule of role request, but this JVM's Genscope started without one, so it keeps no"
                    + " request figures: restart the JVM with the request rule in its config");
        }
        if (this.rules.size() + newNames > this.rules.capacity()) {
            problems.add(newNames + " new rule name(s) but room for " + (this.rules.capacity() - this.rules.size())
                    + " more in this JVM (the rules at start plus " + RuleSlots.SPARE + ", removed ones included):"
                    + " reuse a removed rule's name, or restart the JVM");
        }
        if (rules.size() - unchanged.size() >= recorder.indexesLeft()) {
            problems.add("this JVM's Genscope has given out all its " + TelemetryRecorder.MAX_INDEXES
                    + " rule indexes (reloads use them up): restart the JVM");
        }
        return problems;
    }

    /** Whether requests are counted: a rule of role {@code request} was in the config at start. */
    public boolean countsRequests() {
        return requests != null;
    }

    /**
     * How many store slots count generations once {@code rules} are adopted: the memory budget's
     * measure, since a retired slot keeps its figures.
     */
    public int generationSlotsWith(List<RuleDefinition> rules) {
        int slots = 0;
        for (int slot = 0; slot < this.rules.size(); slot++) {
            if (this.rules.get(slot).rule().role() == Role.GENERATION) {
                slots++;
            }
        }
        for (RuleDefinition rule : rules) {
            if (rule.role() == Role.GENERATION && this.rules.slotOf(rule.name()).isEmpty()) {
                slots++;
            }
        }
        return slots;
    }

    /**
     * Makes {@code rules} (checked by {@link #cannotAdopt}) the rules in use: those named in
     * {@code unchanged} keep their slot, diagnostics and advice index; every other one gets a new
     * advice index, in the slot of its name (a changed rule, or one a reload removed earlier: its
     * figures go on) or a new one. Rules in use not in {@code rules} are retired. The advice
     * indexes given out before stay valid, so code woven before goes on recording until it is
     * retransformed.
     *
     * @return per rule, in order, where its weaving records
     */
    public synchronized List<RuleBinding> adopt(List<RuleDefinition> rules, Set<String> unchanged) {
        List<RuleBinding> bindings = new ArrayList<>();
        for (RuleDefinition rule : rules) {
            OptionalInt slot = this.rules.slotOf(rule.name());
            if (slot.isPresent() && unchanged.contains(rule.name())) {
                int kept = slot.getAsInt();
                bindings.add(new RuleBinding(kept, this.rules.advice(kept), this.rules.get(kept)));
                continue;
            }
            RuleDiagnostics diagnostics = slot.isPresent()
                    ? new RuleDiagnostics(rule, this.rules.get(slot.getAsInt())) : new RuleDiagnostics(rule);
            int target = slot.orElse(this.rules.size());
            int advice = recorder.define(target, diagnostics);
            bindings.add(new RuleBinding(this.rules.put(diagnostics, advice), advice, diagnostics));
        }
        this.rules.retainOnly(rules.stream().map(RuleDefinition::name).collect(Collectors.toSet()));
        jmx.rulesChanged();
        return bindings;
    }

    /** A reload of {@code file} was applied: the config's next version. */
    public ConfigVersion.State configLoaded(String file) {
        return config.loaded(file, ConfigVersion.hash(file), Instant.ofEpochMilli(store.clock().wallMillis()));
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
        String report = SummaryReport.format(summary(), byModel, breakdowns(),
                requests == null ? null : RequestSummary.of(requests));
        return AbTable.after(report, variants());
    }

    /** Per breakdown dimension some generation rule captures, its rows over the default window. */
    private Map<String, List<BreakdownRow>> breakdowns() {
        Map<String, List<BreakdownRow>> breakdowns = new LinkedHashMap<>();
        for (BreakdownDimension dimension : RuleDiagnostics.breakdownDimensions(rules)) {
            breakdowns.put(dimension.configName(), analytics.breakdown(dimension, analytics.defaultWindow()));
        }
        return breakdowns;
    }
}
