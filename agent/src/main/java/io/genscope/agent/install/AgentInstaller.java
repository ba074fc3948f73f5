package io.genscope.agent.install;

import io.genscope.agent.capture.RuleCompiler;
import io.genscope.agent.config.ConfigProblem;
import io.genscope.agent.config.GenscopeSettings;
import io.genscope.agent.config.RuleSettings;
import io.genscope.agent.logging.AgentLogging;
import io.genscope.agent.metrics.MetricsEndpoint;
import io.genscope.runtime.GenscopeRuntime;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.time.Clock;
import org.slf4j.Logger;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The second phase of start-up, once {@link StartupConfig} has said Genscope runs: starts the
 * runtime, reports the config's problems through it (so they also show in the Diagnostics
 * MBean), starts the metrics endpoint when the config asks for it ({@link MetricsEndpoint}, on a
 * thread of its own), and installs the {@link CurrentWeaver} of the config's {@link ConfigReload}:
 * an {@link AdviceWeaver} with one weaving per rule plus the {@link MBeanServerHook}.
 */
public final class AgentInstaller {

    private static final Logger LOGGER = AgentLogging.logger();

    private AgentInstaller() {
    }

    /**
     * Starts the runtime and instruments.
     *
     * @param attached whether the agent was attached to a running JVM, whose user is likely about
     *                 to look over JMX, so the MBeans are registered at once
     * @param agentJar the agent's jar, or {@code null} when its classes come from directories
     */
    public static void install(StartupConfig config, Instrumentation instrumentation, boolean attached,
                               JarFile agentJar) {
        avoidUnsafe();
        GenscopeSettings settings = config.settings();
        List<RuleDefinition> rules = new ArrayList<>();
        for (RuleSettings rule : settings.rules()) {
            rules.add(RuleCompiler.compile(rule));
        }
        String version = version(agentJar);
        GenscopeRuntime runtime = GenscopeRuntime.start(settings.store(), settings.alerts(), settings.abTest(),
                settings.jfr().events(), rules, new Slf4jRuntimeLog(), version, config.file().toString(), Clock.system());
        RuntimeLog journal = runtime.journal();
        for (ConfigProblem problem : config.problems()) {
            journal.error(problem.describe());
        }
        MetricsEndpoint.start(settings.metrics(), runtime.metrics(), journal, agentJar);
        boolean managementLoaded = MBeanServerHook.ownerLoaded(instrumentation);
        ConfigReload reload = new ConfigReload(config, runtime, instrumentation, attached, agentJar);
        instrumentation.addTransformer(reload.transformer(), true);
        if (attached || managementLoaded) {
            reload.transformer().weaver().weaveLoaded(instrumentation);
        }
        runtime.reloadWith(reload);
        reload.publish();
        if (attached || managementLoaded && MBeanServerHook.serverExists()) {
            runtime.exposeOverJmx();
        }
        if (settings.reportOnExit()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println(runtime.report()),
                    "genscope-report-on-exit"));
        }
        LOGGER.info("Genscope {} started with {} rule(s) from {}", version, rules.size(), config.file());
    }

    /**
     * Keeps our Byte Buddy off {@code sun.misc.Unsafe}, which advice does not need and which JDK 24+
     * warns about on stderr. The property name is relocated with Byte Buddy by the shade plugin,
     * so the host's own Byte Buddy, reading {@code net.bytebuddy.safe}, is not affected.
     */
    private static void avoidUnsafe() {
        String property = "net.bytebuddy.safe";
        if (System.getProperty(property) == null) {
            System.setProperty(property, "true");
        }
    }

    /** The agent's version, from the jar's manifest, as the start-up line and {@code --version} give it. */
    public static String version() {
        return orDevelopment(AgentInstaller.class.getPackage().getImplementationVersion());
    }

    /**
     * The same, read from the agent's jar, which start-up has open: asking the class's
     * {@code Package}, the boot loader would open the jar once more through a {@code JarInputStream}.
     */
    private static String version(JarFile agentJar) {
        if (agentJar == null) {
            return version();
        }
        try {
            Manifest manifest = agentJar.getManifest();
            return orDevelopment(manifest == null ? null
                    : manifest.getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION));
        } catch (IOException e) {
            return version();
        }
    }

    private static String orDevelopment(String version) {
        return version != null ? version : "development";
    }
}
