package io.genscope.runtime.jmx;

import io.genscope.runtime.Role;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.alerts.AlertMonitor;
import io.genscope.runtime.analytics.Analytics;
import io.genscope.runtime.analytics.VariantRows;
import io.genscope.runtime.analytics.compare.VariantComparator;
import io.genscope.runtime.diagnostics.ErrorJournal;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.metrics.MetricFamily;
import io.genscope.runtime.metrics.MetricsSource;
import io.genscope.runtime.reload.ConfigVersion;
import io.genscope.runtime.reload.Reloader;
import io.genscope.runtime.reload.RuleSlots;
import io.genscope.runtime.store.RequestTotals;
import io.genscope.runtime.store.BreakdownDimension;
import io.genscope.runtime.store.TelemetryStore;

import io.genscope.runtime.time.DurationText;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Registers Genscope's MXBeans on the platform MBean server under the {@code io.genscope} domain:
 * Telemetry, Diagnostics and Control, one Telemetry per window of {@code store.windows}
 * ({@code type=Telemetry,window=5m}), one Generator per generation rule, Alerts when an alert is
 * configured, Requests when a rule has the role {@code request}, one Breakdown per captured
 * breakdown dimension and window ({@code type=Breakdown,dimension=variant}), Variants (the A/B
 * comparison of prompt variants) over the default window and each of {@code store.windows} when
 * {@link #exposeVariants} was called, one Model per model as models appear (named as {@link MBeanNames} says), and one
 * Metrics MBean per fleet metric family (cumulative counters and histograms as plain numbers for
 * the Prometheus JMX exporter, see {@link MetricFamilyMBean}). A model's MBean goes when no slice
 * still kept has data for it, and there are at most {@code max-models} of them plus
 * {@code (other)}: past that, a model gets its MBean when it is next seen after another's has
 * gone (its figures are in the Telemetry MBean's {@code ByModel} meanwhile).
 *
 * <p>Nothing touches the MBean server until {@link #start()}. The agent has it called when the
 * platform MBean server is created by someone else (the application, a library, the JVM's remote
 * JMX agent, a JConsole attaching), so Genscope never pays for creating it, nor creates it inside
 * {@code premain}, which breaks hosts that install their own MBean server builder or logging
 * manager from {@code main}.
 *
 * <p>Model MBeans come and go as models enter and leave the retention, which the store learns on
 * the host's thread; they are registered and unregistered by a thread of Genscope's own,
 * {@value ModelMBeans#THREAD_NAME}, started here and only here (see {@link ModelMBeans} for why,
 * and why one thread is fine once JMX is in use). The models still kept at start are registered
 * by that thread as its first task, so they appear shortly after {@code start} returns.
 *
 * <p>Thread-safe; registration is idempotent and never throws: a failure is logged once.
 */
public final class JmxExporter {

    public static final String DOMAIN = "io.genscope";

    private final Analytics analytics;
    private final TelemetryStore store;
    private final RuleSlots rules;
    private final DiagnosticsView diagnostics;
    private final ControlView control;
    /** The Generator MBeans registered so far, by rule slot; guarded by {@code this}. */
    private int generatorsRegistered;
    /** The dimensions whose Breakdown MBeans are registered; guarded by this object. */
    private final Set<BreakdownDimension> breakdownsRegistered = EnumSet.noneOf(BreakdownDimension.class);
    /** Set when started, if the platform MBean server could be reached; guarded by {@code this}. */
    private MBeanRegistrar registrar;
    private final RuntimeLog log;
    private final ModelMBeans models;
    /** Set before {@link #start} or never. */
    private volatile AlertMonitor alerts;
    /** Set before {@link #start} when a rule has the role {@code request}, else never. */
    private volatile RequestTotals requests;
    /** Set before {@link #start} or never, with {@link #comparator}. */
    private volatile VariantRows variants;
    private volatile VariantComparator comparator;
    private final MetricsSource metrics;
    private volatile boolean started;

    /**
     * @param config   the config in use, for the Diagnostics MBean
     * @param reloader what the Control MBean's {@code reload} calls
     */
    public JmxExporter(Analytics analytics, TelemetryStore store, RuleSlots rules, ErrorJournal journal,
                       String version, ConfigVersion config, Supplier<Reloader> reloader, MetricsSource metrics) {
        this.analytics = analytics;
        this.metrics = metrics;
        this.store = store;
        this.rules = rules;
        this.log = journal;
        this.diagnostics = new DiagnosticsView(version, config, rules, journal);
        this.control = new ControlView(config, reloader);
        this.models = new ModelMBeans(analytics, store, journal);
    }

    /**
     * Has the Alerts MBean registered with the others when there is any alert, so it sends a
     * notification for each change from then on. Call before {@link #start}.
     */
    public void exposeAlerts(AlertMonitor monitor) {
        this.alerts = monitor;
    }

    /** Has the Requests MBean registered with the others. Call before {@link #start}. */
    public void exposeRequests(RequestTotals totals) {
        this.requests = totals;
    }

    /**
     * Has the Variants MBeans (one over the default window, one per {@code store.windows}) compare
     * the variants {@code rows} gives with {@code comparator}. Call before {@link #start}.
     */
    public void exposeVariants(VariantRows rows, VariantComparator comparator) {
        this.comparator = comparator;
        this.variants = rows;
    }

    /**
     * Registers every MBean known so far on the platform MBean server, creating it if nobody has;
     * later models register as they appear. Safe to call any number of times.
     */
    public void start() {
        if (!started) {
            start(platformServer());
        }
    }

    /**
     * {@link #start()} on {@code server}, the platform MBean server just created: what the hook
     * calls, from inside {@code ManagementFactory.getPlatformMBeanServer()} and holding its lock.
     * This object's lock is only ever taken after that one, never before: {@link #start()} fetches
     * the server first.
     */
    public void start(MBeanServer server) {
        if (started) {
            return;
        }
        synchronized (this) {
            if (started) {
                return;
            }
            started = true;
            if (server == null) {
                return;
            }
            registrar = new MBeanRegistrar(server, log);
            registrar.register(registrar.name("type=Telemetry"),
                    new DescribedMXBean(new TelemetryView(analytics, store, rules), TelemetryMXBean.class));
            for (Duration window : store.settings().windows()) {
                registrar.register(registrar.name("type=Telemetry,window=" + DurationText.format(window)),
                        new DescribedMXBean(new TelemetryWindowView(analytics, store, rules, window),
                                TelemetryWindowMXBean.class));
            }
            registrar.register(registrar.name("type=Diagnostics"),
                    new DescribedMXBean(diagnostics, DiagnosticsMXBean.class));
            registrar.register(registrar.name("type=Control"), new DescribedMXBean(control, ControlMXBean.class));
            registerGenerators();
            registerBreakdowns();
            registerAlerts(registrar);
            RequestTotals totals = requests;
            if (totals != null) {
                registrar.register(registrar.name("type=Requests"),
                        new DescribedMXBean(new RequestsView(totals), RequestsMXBean.class));
            }
            registerVariants(registrar);
            models.start(registrar);
            registerMetrics(registrar);
        }
    }

    /**
     * Registers the Generator MBean of each generation rule a reload put in a new slot, and the
     * Breakdown MBeans of a dimension a reload's rules capture for the first time. The MBean of a
     * rule a reload removed stays: its figures stay in the window until they age out.
     */
    public synchronized void rulesChanged() {
        if (registrar != null) {
            registerGenerators();
            registerBreakdowns();
        }
    }

    /** One Generator MBean per generation rule slot not registered yet; called holding this object's lock. */
    private void registerGenerators() {
        for (int slot = generatorsRegistered; slot < rules.size(); slot++) {
            RuleDiagnostics rule = rules.get(slot);
            if (rule.rule().role() == Role.GENERATION) {
                registrar.register(registrar.name("type=Generator,name=" + MBeanNames.value(rule.rule().name())),
                        new DescribedMXBean(new GeneratorView(analytics, slot, rule.rule().name()),
                                GeneratorMXBean.class));
            }
        }
        generatorsRegistered = rules.size();
    }

    /**
     * One Breakdown MBean per dimension some generation rule captures and not registered yet,
     * over the default window and each of {@code store.windows}: at most 4 × 9 MBeans. Called
     * holding this object's lock.
     */
    private void registerBreakdowns() {
        for (BreakdownDimension dimension : RuleDiagnostics.breakdownDimensions(rules)) {
            if (!breakdownsRegistered.add(dimension)) {
                continue;
            }
            String name = "type=Breakdown,dimension=" + dimension.configName();
            registrar.register(registrar.name(name), new DescribedMXBean(
                    new BreakdownView(analytics, dimension, store.settings().window()), BreakdownMXBean.class));
            for (Duration window : store.settings().windows()) {
                registrar.register(registrar.name(name + ",window=" + DurationText.format(window)),
                        new DescribedMXBean(new BreakdownView(analytics, dimension, window), BreakdownMXBean.class));
            }
        }
    }

    /** One {@link MetricFamilyMBean} per family the source has: a fixed list, known from the start. */
    private void registerMetrics(MBeanRegistrar registrar) {
        List<MetricFamily> families;
        try {
            families = metrics.collect();
        } catch (RuntimeException e) {
            log.error("could not list the fleet metrics: " + e + "; the Metrics MBeans the Prometheus JMX exporter reads"
                    + " will be missing");
            return;
        }
        for (MetricFamily family : families) {
            registrar.register(registrar.name("type=Metrics,name=" + family.name()),
                    new MetricFamilyMBean(family.name(), metrics));
        }
    }

    private void registerVariants(MBeanRegistrar registrar) {
        VariantRows rows = variants;
        if (rows == null) {
            return;
        }
        registrar.register(registrar.name("type=Variants"), new DescribedMXBean(
                new VariantsView(analytics, rows, comparator, analytics.defaultWindow()), VariantsMXBean.class));
        for (Duration window : store.settings().windows()) {
            registrar.register(registrar.name("type=Variants,window=" + DurationText.format(window)), new DescribedMXBean(
                    new VariantsView(analytics, rows, comparator, window), VariantsMXBean.class));
        }
    }

    private void registerAlerts(MBeanRegistrar registrar) {
        AlertMonitor monitor = alerts;
        ObjectName name = registrar.name("type=Alerts");
        if (monitor != null && monitor.any() && name != null) {
            AlertsView view = new AlertsView(monitor, name);
            monitor.listen(view);
            registrar.register(name, new EmittingMBean(new DescribedMXBean(view, AlertsMXBean.class), view));
        }
    }

    /**
     * Called by the store, on the recording thread, when {@code model} may have entered or left
     * the retention: hands it to the {@value ModelMBeans#THREAD_NAME} thread, which registers or
     * unregisters its MBean. Never blocks and never calls into the MBean server.
     */
    public void modelChanged(String model) {
        models.changed(model);
    }

    private MBeanServer platformServer() {
        try {
            return ManagementFactory.getPlatformMBeanServer();
        } catch (RuntimeException | LinkageError e) {
            log.error("could not reach the platform MBean server: " + e + "; Genscope's MBeans will be missing in JConsole");
            return null;
        }
    }
}
