package io.genscope.agent.install;

import io.genscope.agent.advice.MainAdvice;
import io.genscope.agent.capture.RuleCompiler;
import io.genscope.agent.config.ClassSelector;
import io.genscope.agent.config.ConfigLoader;
import io.genscope.agent.config.ConfigLocator;
import io.genscope.agent.config.ConfigProblem;
import io.genscope.agent.config.GenscopeSettings;
import io.genscope.agent.config.LoadedConfig;
import io.genscope.agent.config.RuleSettings;
import io.genscope.agent.config.StoreSettings;
import io.genscope.agent.logging.AgentLogging;
import io.genscope.agent.matching.RuleMatchers;
import io.genscope.runtime.GenscopeRuntime;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.store.TelemetrySettings;
import io.genscope.runtime.time.Clock;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Reads the config, starts the runtime and installs one Byte Buddy transformation per rule.
 * Every config problem becomes one ERROR line; what happens next depends on its severity (the
 * whole agent, the rule or the setting is dropped) and on {@code strict}, which turns any
 * problem into a refusal to start.
 */
public final class AgentInstaller {

    private static final Logger LOGGER = LoggerFactory.getLogger("io.genscope");

    private AgentInstaller() {
    }

    public static void install(String arguments, Instrumentation instrumentation, boolean attached) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<Path> file = ConfigLocator.locate(arguments, System.getProperties(), System.getenv(), problems::add);
        LoadedConfig config = file.map(ConfigLoader::load).orElse(null);
        if (config != null) {
            problems.addAll(config.problems());
            AgentLogging.threshold(config.settings().logLevel());
            problems.addAll(MissingClasses.check(config.settings().rules()));
        }
        if (config != null && config.settings().strict() && !problems.isEmpty()) {
            problems.forEach(problem -> LOGGER.error(problem.describe()));
            throw new StrictModeRefusal("[genscope] strict: true and " + file.get() + " has " + problems.size()
                    + " problem(s), listed above; fix them or set strict: false. The JVM will not start.");
        }
        if (config == null || config.hasFatal()) {
            problems.forEach(problem -> LOGGER.error(problem.describe()));
            LOGGER.error("Genscope is off for this run; the application runs uninstrumented");
            return;
        }
        GenscopeSettings settings = config.settings();
        if (!settings.enabled()) {
            problems.forEach(problem -> LOGGER.error(problem.describe()));
            LOGGER.info("disabled by enabled: false in {}; nothing is instrumented", file.get());
            return;
        }
        List<RuleDefinition> rules = settings.rules().stream().map(RuleCompiler::compile).toList();
        GenscopeRuntime runtime = GenscopeRuntime.start(telemetry(settings.store()), rules, new Slf4jRuntimeLog(),
                version(), file.get().toString(), Clock.system());
        RuntimeLog log = runtime.journal();
        problems.forEach(problem -> log.error(problem.describe()));
        agentBuilder(settings.rules(), runtime, log).installOn(instrumentation);
        if (attached) {
            runtime.exposeOverJmx();
        }
        LOGGER.info("Genscope {} started with {} rule(s) from {}", version(), rules.size(), file.get());
    }

    private static AgentBuilder agentBuilder(List<RuleSettings> rules, GenscopeRuntime runtime, RuntimeLog log) {
        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(new InstrumentationListener(log))
                .ignore(nameStartsWith("io.genscope.")
                        .or(nameStartsWith("net.bytebuddy."))
                        .or(nameStartsWith("jdk.internal."))
                        .or(nameStartsWith("sun."))
                        .or(isSynthetic()));
        for (int i = 0; i < rules.size(); i++) {
            RuleSettings rule = rules.get(i);
            builder = builder.type(RuleMatchers.types(rule))
                    .transform(new RuleTransformer(i, rule, runtime.rule(i), RuleMatchers.methods(rule), log));
        }
        Optional<String> mainClass = MainClassLocator.locate(System.getProperty("sun.java.command"));
        if (mainClass.isPresent()) {
            builder = builder.type(named(mainClass.get())).transform((type, description, loader, module, domain) ->
                    type.visit(Advice.to(MainAdvice.class)
                            .on(named("main").and(isStatic()).and(takesArguments(String[].class)))));
        }
        return builder;
    }

    private static TelemetrySettings telemetry(StoreSettings store) {
        return new TelemetrySettings(store.eventRingSize(), store.window(), store.resolution(), store.retention(),
                store.maxErrorTypes(), store.maxDependencies(), store.maxModels(), store.maxFailureTypes(),
                store.errorMessageLength(), store.redact());
    }

    private static String version() {
        String version = AgentInstaller.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }
}
