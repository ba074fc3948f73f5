package io.genscope.agent.install;

import io.genscope.agent.capture.RuleCompiler;
import io.genscope.agent.config.GenscopeSettings;
import io.genscope.agent.config.RuleSettings;
import io.genscope.agent.matching.RuleMatchers;
import io.genscope.runtime.GenscopeRuntime;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.time.Clock;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.instrument.Instrumentation;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * The second phase of start-up, once {@link StartupConfig} has said Genscope runs: starts the
 * runtime, reports the config's problems through it (so they also show in the Diagnostics
 * MBean), and installs one Byte Buddy transformation per rule plus the {@link MBeanServerHook}.
 */
public final class AgentInstaller {

    private static final Logger LOGGER = LoggerFactory.getLogger("io.genscope");

    private AgentInstaller() {
    }

    /**
     * Starts the runtime and instruments.
     *
     * @param attached whether the agent was attached to a running JVM, whose user is likely about
     *                 to look over JMX, so the MBeans are registered at once
     */
    public static void install(StartupConfig config, Instrumentation instrumentation, boolean attached) {
        avoidUnsafe();
        GenscopeSettings settings = config.settings();
        List<RuleDefinition> rules = settings.rules().stream().map(RuleCompiler::compile).toList();
        GenscopeRuntime runtime = GenscopeRuntime.start(settings.store(), rules, new Slf4jRuntimeLog(),
                version(), config.file().toString(), Clock.system());
        RuntimeLog log = runtime.journal();
        config.problems().forEach(problem -> log.error(problem.describe()));
        boolean managementLoaded = MBeanServerHook.ownerLoaded(instrumentation);
        AgentBuilder builder = agentBuilder(settings.rules(), runtime, log, attached || managementLoaded);
        if (!attached) {
            builder = MBeanServerHook.addTo(builder, instrumentation);
        }
        builder.installOn(instrumentation);
        if (attached || managementLoaded && MBeanServerHook.serverExists()) {
            runtime.exposeOverJmx();
        }
        if (settings.reportOnExit()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println(runtime.report()),
                    "genscope-report-on-exit"));
        }
        LOGGER.info("Genscope {} started with {} rule(s) from {}", version(), rules.size(), config.file());
    }

    /** @param retransform whether classes loaded already are instrumented too (attach, or the hook's class) */
    private static AgentBuilder agentBuilder(List<RuleSettings> rules, GenscopeRuntime runtime, RuntimeLog log,
                                             boolean retransform) {
        AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(retransform ? AgentBuilder.RedefinitionStrategy.RETRANSFORMATION
                        : AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(new InstrumentationListener(log, runtime::exposeOverJmxAtNextCall))
                .ignore(nameStartsWith("io.genscope.")
                        .or(nameStartsWith("net.bytebuddy."))
                        .or(nameStartsWith("jdk.internal."))
                        .or(nameStartsWith("sun."))
                        .or(isSynthetic()))
                .or(not(named(MBeanServerHook.OWNER)), isBootstrapClassLoader());
        for (int i = 0; i < rules.size(); i++) {
            RuleSettings rule = rules.get(i);
            builder = builder.type(RuleMatchers.types(rule))
                    .transform(new RuleTransformer(i, rule, runtime.rule(i), RuleMatchers.methods(rule), log));
        }
        return builder;
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

    private static String version() {
        String version = AgentInstaller.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }
}
