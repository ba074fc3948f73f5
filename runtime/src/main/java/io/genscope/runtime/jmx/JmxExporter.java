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
            register(server, name("type=Telemetry"), new DescribedMXBean(new TelemetryView(analytics, store, rules),
                    TelemetryMXBean.class));
            register(server, name("type=Diagnostics"), new DescribedMXBean(diagnostics, DiagnosticsMXBean.class));
            for (int i = 0; i < rules.size(); i++) {
                RuleDiagnostics rule = rules.get(i);
                if (rule.rule().role() == Role.GENERATION) {
                    register(server, name("type=Generator,name=" + ObjectName.quote(rule.rule().name())),
                            new DescribedMXBean(new GeneratorView(analytics, i, rule.rule().name()),
                                    GeneratorMXBean.class));
                }
            }
            models.forEach(model -> registerModel(server, model));
        }
    }

    /** Called by the store when a model shows up in a time slice. */
    public void modelSeen(String model) {
        if (models.add(model) && started) {
            MBeanServer server = platformServer();
            if (server != null) {
                registerModel(server, model);
            }
        }
    }

    private void registerModel(MBeanServer server, String model) {
        if (registeredModels.add(model)) {
            register(server, name("type=Model,name=" + ObjectName.quote(model)),
                    new DescribedMXBean(new ModelView(analytics, model), ModelMXBean.class));
        }
    }

    private MBeanServer platformServer() {
        try {
            return ManagementFactory.getPlatformMBeanServer();
        } catch (RuntimeException | LinkageError e) {
            log.error("could not reach the platform MBean server: " + e + "; Genscope's MBeans will be missing in JConsole");
            return null;
        }
    }

    private void register(MBeanServer server, ObjectName name, Object mbean) {
        if (name == null) {
            return;
        }
        try {
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
