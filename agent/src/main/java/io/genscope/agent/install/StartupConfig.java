package io.genscope.agent.install;

import io.genscope.agent.config.BundledDefaults;
import io.genscope.agent.config.ConfigLoader;
import io.genscope.agent.config.ConfigLocator;
import io.genscope.agent.config.ConfigProblem;
import io.genscope.agent.config.GenscopeSettings;
import io.genscope.agent.config.LoadedConfig;
import io.genscope.agent.logging.AgentLogging;
import org.slf4j.Logger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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

    private static final Logger LOGGER = AgentLogging.logger();

    /**
     * Reads the config named by the agent arguments, {@code -Dgenscope.config} or
     * {@code GENSCOPE_CONFIG}.
     *
     * <p>Under {@code strict: true} every problem found here refuses start: the problems of the
     * agent arguments, those of a file that cannot be used at all (not UTF-8, not YAML, a key
     * given twice, too large, nested too deep; {@code strict} is then found by
     * {@code StrictLine}), and those of every setting and rule. A class not on the application
     * class path is not one of them: that is normal in a plugin host (see {@link MissingClasses}).
     * Without a readable file there is no {@code strict} to honour, and Genscope stays off.
     *
     * @param agentJar the agent's jar, where the bundled defaults are read, or {@code null} when
     *                 its classes come from directories
     * @return empty when Genscope must stay off (the reason is already logged)
     * @throws StrictModeRefusal when {@code strict: true} and the config has any problem (the
     *                           problems are already logged)
     */
    public static Optional<StartupConfig> read(String arguments, JarFile agentJar) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<Path> file = ConfigLocator.locate(arguments, System.getProperties(), System.getenv(),
                new Consumer<>() {
                    @Override
                    public void accept(ConfigProblem problem) {
                        problems.add(problem);
                    }
                });
        LoadedConfig config = file.isPresent() ? ConfigLoader.load(file.get(), BundledDefaults.of(agentJar)) : null;
        problems.addAll(config == null ? List.of() : config.problems());
        if (config == null || config.hasFatal() || config.settings().strict() && !problems.isEmpty()) {
            return off(file, problems, config != null && config.settings().strict());
        }
        GenscopeSettings settings = config.settings();
        AgentLogging.threshold(settings.logLevel());
        if (!settings.enabled()) {
            logEach(problems);
            LOGGER.info("disabled by enabled: false in {}; nothing is instrumented", file.get());
            return Optional.empty();
        }
        Optional<ConfigProblem> overBudget = MemoryBudget.check(file.get(), settings);
        if (overBudget.isPresent()) {
            problems.add(overBudget.get());
            return off(file, problems, settings.strict());
        }
        Optional<String> missing = MissingClasses.note(file.get(), settings.rules());
        if (missing.isPresent()) {
            LOGGER.info(missing.get());
        }
        return Optional.of(new StartupConfig(file.get(), settings, List.copyOf(problems)));
    }

    /**
     * Genscope stays off: every problem is logged (none is left unsaid because another one stopped
     * start), and under {@code strict: true} the JVM refuses to start.
     */
    private static Optional<StartupConfig> off(Optional<Path> file, List<ConfigProblem> problems, boolean strict) {
        logEach(problems);
        if (strict) {
            throw new StrictModeRefusal(file.get(), problems.size());
        }
        return Optional.empty();
    }

    private static void logEach(List<ConfigProblem> problems) {
        for (ConfigProblem problem : problems) {
            LOGGER.error(problem.describe());
        }
    }
}
