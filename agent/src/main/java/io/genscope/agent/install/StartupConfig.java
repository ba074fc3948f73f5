package io.genscope.agent.install;

import io.genscope.agent.config.BundledDefaults;
import io.genscope.agent.config.ConfigLoader;
import io.genscope.agent.config.ConfigLocator;
import io.genscope.agent.config.ConfigProblem;
import io.genscope.agent.config.GenscopeSettings;
import io.genscope.agent.config.LoadedConfig;
import io.genscope.agent.logging.AgentLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * The first phase of start-up: find and read the config, and decide whether Genscope runs at
 * all. When the file is unusable or says {@code enabled: false}, the runtime is not started and
 * nothing is instrumented; so too when the store's worst case is over {@code store.max-memory}
 * (see {@link MemoryBudget}).
 *
 * @param file     the config file in use
 * @param settings the settings, with every bad value already replaced by its default
 * @param problems every problem found, for the installer to report once logging reaches JMX
 */
public record StartupConfig(Path file, GenscopeSettings settings, List<ConfigProblem> problems) {

    private static final Logger LOGGER = LoggerFactory.getLogger("io.genscope");

    /**
     * Reads the config named by the agent arguments, {@code -Dgenscope.config} or
     * {@code GENSCOPE_CONFIG}.
     *
     * @param agentJar the agent's jar, where the bundled defaults are read, or {@code null} when
     *                 its classes come from directories
     * @return empty when Genscope must stay off (the reason is already logged)
     * @throws StrictModeRefusal when {@code strict: true} and the config has any problem
     */
    public static Optional<StartupConfig> read(String arguments, JarFile agentJar) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<Path> file = ConfigLocator.locate(arguments, System.getProperties(), System.getenv(), problems::add);
        LoadedConfig config = file.map(path -> ConfigLoader.load(path, BundledDefaults.of(agentJar))).orElse(null);
        if (config == null || config.hasFatal()) {
            problems.addAll(config == null ? List.of() : config.problems());
            problems.forEach(problem -> LOGGER.error(problem.describe()));
            return Optional.empty();
        }
        problems.addAll(config.problems());
        GenscopeSettings settings = config.settings();
        AgentLogging.threshold(settings.logLevel());
        if (!settings.enabled()) {
            problems.forEach(problem -> LOGGER.error(problem.describe()));
            LOGGER.info("disabled by enabled: false in {}; nothing is instrumented", file.get());
            return Optional.empty();
        }
        Optional<ConfigProblem> overBudget = MemoryBudget.check(file.get(), settings);
        if (overBudget.isPresent() && !settings.strict()) {
            LOGGER.error(overBudget.get().describe());
            return Optional.empty();
        }
        overBudget.ifPresent(problems::add);
        problems.addAll(MissingClasses.check(settings.rules()));
        if (settings.strict() && !problems.isEmpty()) {
            problems.forEach(problem -> LOGGER.error(problem.describe()));
            throw new StrictModeRefusal("[genscope] strict: true and " + file.get() + " has " + problems.size()
                    + " problem(s), listed above; fix them or set strict: false. The JVM will not start.");
        }
        return Optional.of(new StartupConfig(file.get(), settings, List.copyOf(problems)));
    }
}
