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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Registers Genscope's MXBeans on the platform MBean server under the {@code io.genscope} domain:
 * Telemetry and Diagnostics, one Generator per generation rule, and one Model per model as models
 * appear. A model's MBean goes when no slice still kept has data for it, and there are at most
 * {@code max-models} of them plus {@code (other)}: past that, a model gets its MBean when it is
 * next seen after another's has gone (its figures are in the Telemetry MBean's {@code ByModel}
 * meanwhile).
 *
 * <p>Nothing touches the MBean server until {@link #start()}. The agent has it called when the
 * platform MBean server is created by someone else (the application, a library, the JVM's remote
 * JMX agent, a JConsole attaching), so Genscope never pays for creating it, nor creates it inside
 * {@code premain}, which breaks hosts that install their own MBean server builder or logging
 * manager from {@code main}. Models still kept then are registered at start.
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
    /** Models with an MBean; guarded by this. */
    private final Set<String> registeredModels = new HashSet<>();
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
            store.retainedModels().forEach(model -> reconcileModel(server, model));
        }
    }

    /**
     * Called by the store when {@code model} may have entered or left the retention: registers
     * or unregisters its MBean to match where it stands now. The server is fetched before this
     * object's lock is taken, as in {@link #start()}.
     */
    public void modelChanged(String model) {
        if (started) {
            MBeanServer server = platformServer();
            if (server != null) {
                synchronized (this) {
                    reconcileModel(server, model);
                }
            }
        }
    }

    private void reconcileModel(MBeanServer server, String model) {
        ObjectName name = name("type=Model,name=" + ObjectName.quote(model));
        if (!store.retainsModel(model)) {
            if (registeredModels.remove(model)) {
                unregister(server, name);
            }
        } else if (!registeredModels.contains(model) && hasRoomFor(model)) {
            registeredModels.add(model);
            register(server, name, new DescribedMXBean(new ModelView(analytics, model), ModelMXBean.class));
        }
    }

    /** {@code max-models} models, plus {@code (other)}. */
    private boolean hasRoomFor(String model) {
        int others = registeredModels.contains(TelemetryStore.OTHER) ? 1 : 0;
        return model.equals(TelemetryStore.OTHER) || registeredModels.size() - others < store.settings().maxModels();
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

    private void unregister(MBeanServer server, ObjectName name) {
        if (name == null) {
            return;
        }
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (Exception | LinkageError e) {
            log.error("could not unregister MBean " + name + ": " + e + "; it stays in JConsole with no new figures");
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
