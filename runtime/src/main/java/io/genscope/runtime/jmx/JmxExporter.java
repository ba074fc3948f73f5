package io.genscope.runtime.jmx;

import io.genscope.runtime.Role;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.analytics.Analytics;
import io.genscope.runtime.diagnostics.ErrorJournal;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.store.TelemetryStore;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers Genscope's MXBeans on the platform MBean server under the {@code io.genscope} domain:
 * Telemetry and Diagnostics, one Generator per generation rule, and one Model per model as models
 * appear.
 *
 * <p>Nothing touches the MBean server until {@link #start()}. The agent has it called when the
 * platform MBean server is created by someone else (the application, a library, the JVM's remote
 * JMX agent, a JConsole attaching), so Genscope never pays for creating it, nor creates it inside
 * {@code premain}, which breaks hosts that install their own MBean server builder or logging
 * manager from {@code main}. Models seen before then are registered at start.
 *
 * <p>Thread-safe; registration is idempotent and never throws: a failure is logged once.
 */
public final class JmxExporter {

    public static final String DOMAIN = "io.genscope";

    private final Analytics analytics;
    private final TelemetryStore store;
    private final List<RuleDiagnostics> rules;
    private final DiagnosticsView diagnostics;
    private final RuntimeLog log;
    private final Set<String> models = ConcurrentHashMap.newKeySet();
    private final Set<String> registeredModels = ConcurrentHashMap.newKeySet();
    private volatile boolean started;

    public JmxExporter(Analytics analytics, TelemetryStore store, List<RuleDiagnostics> rules, ErrorJournal journal,
                       String version, String configFile) {
        this.analytics = analytics;
        this.store = store;
        this.rules = rules;
        this.log = journal;
        this.diagnostics = new DiagnosticsView(version, configFile, rules, journal);
    }

    public boolean started() {
        return started;
    }

    /** Registers every MBean known so far; later models register as they appear. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        register(name("type=Telemetry"), new DescribedMXBean(new TelemetryView(analytics, store, rules),
                TelemetryMXBean.class));
        register(name("type=Diagnostics"), new DescribedMXBean(diagnostics, DiagnosticsMXBean.class));
        for (int i = 0; i < rules.size(); i++) {
            RuleDiagnostics rule = rules.get(i);
            if (rule.rule().role() == Role.GENERATION) {
                register(name("type=Generator,name=" + ObjectName.quote(rule.rule().name())),
                        new DescribedMXBean(new GeneratorView(analytics, i, rule.rule().name()), GeneratorMXBean.class));
            }
        }
        models.forEach(this::registerModel);
    }

    /** Called by the store when a model shows up in a time slice. */
    public void modelSeen(String model) {
        if (models.add(model) && started) {
            registerModel(model);
        }
    }

    private void registerModel(String model) {
        if (registeredModels.add(model)) {
            register(name("type=Model,name=" + ObjectName.quote(model)),
                    new DescribedMXBean(new ModelView(analytics, model), ModelMXBean.class));
        }
    }

    private void register(ObjectName name, Object mbean) {
        if (name == null) {
            return;
        }
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(mbean, name);
        } catch (Exception | LinkageError e) {
            log.error("could not register MBean " + name + ": " + e + "; that MBean will be missing in JConsole");
        }
    }

    private ObjectName name(String properties) {
        try {
            return new ObjectName(DOMAIN + ":" + properties);
        } catch (Exception e) {
            log.error("invalid MBean name '" + DOMAIN + ":" + properties + "': " + e.getMessage());
            return null;
        }
    }
}
