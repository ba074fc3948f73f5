package io.genscope.agent.config;

import io.genscope.agent.config.ConfigProblem.Severity;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Finds the config file. The first of these that is set wins:
 * <ol>
 *   <li>the agent argument {@code config}: {@code -javaagent:genscope-agent.jar=config=genscope.yaml};</li>
 *   <li>the system property {@code genscope.config}: {@code -Dgenscope.config=genscope.yaml};</li>
 *   <li>the environment variable {@code GENSCOPE_CONFIG}.</li>
 * </ol>
 * Agent arguments are comma-separated {@code key=value} pairs; when {@code config} is given twice,
 * the last one is used and the other reported. The path is returned as given, so
 * problems name the file the way the user wrote it; a relative path resolves against the working
 * directory when it is opened. Sources are passed in rather than read here, so tests need not
 * touch the real system properties or environment.
 */
public final class ConfigLocator {

    /** The agent argument that names the config file. */
    public static final String CONFIG_ARGUMENT = "config";
    /** The system property that names the config file. */
    public static final String CONFIG_PROPERTY = "genscope.config";
    /** The environment variable that names the config file. */
    public static final String CONFIG_VARIABLE = "GENSCOPE_CONFIG";

    private static final List<String> ARGUMENT_KEYS = List.of(CONFIG_ARGUMENT);
    private static final String ARGUMENTS = "-javaagent arguments";

    private ConfigLocator() {
    }

    /**
     * @param agentArgs   the argument string given to {@code premain}/{@code agentmain}; may be null
     * @param problems    receives each problem found: an unusable agent argument (ignored), an
     *                    invalid path or no config anywhere (both {@link Severity#FATAL})
     * @return the config file, or empty when none is given or the path is not valid
     */
    public static Optional<Path> locate(
            String agentArgs, Properties systemProps, Map<String, String> env, Consumer<ConfigProblem> problems) {
        List<Source> sources = List.of(
                new Source("-javaagent argument " + CONFIG_ARGUMENT, configArgument(agentArgs, problems)),
                new Source("system property " + CONFIG_PROPERTY, systemProps.getProperty(CONFIG_PROPERTY)),
                new Source("environment variable " + CONFIG_VARIABLE, env.get(CONFIG_VARIABLE)));
        for (Source source : sources) {
            if (source.value() != null && !source.value().isBlank()) {
                return path(source, problems);
            }
        }
        problems.accept(Problems.problem("genscope", Severity.FATAL, 0, "",
                "no config file given; name it with -javaagent:genscope-agent.jar=" + CONFIG_ARGUMENT
                        + "=/path/to/genscope.yaml, -D" + CONFIG_PROPERTY + "=/path/to/genscope.yaml or the environment variable "
                        + CONFIG_VARIABLE + "=/path/to/genscope.yaml", Problems.AGENT_OFF));
        return Optional.empty();
    }

    /**
     * Why {@code key} cannot be an agent argument ({@code unknown key ... valid keys here: config}),
     * or empty when it is one: for a command that builds agent arguments and must turn a mistake
     * away before it reaches the agent.
     */
    public static Optional<String> unknownArgument(String key) {
        return ARGUMENT_KEYS.contains(key) ? Optional.empty() : Optional.of(Keys.unknown(key, ARGUMENT_KEYS));
    }

    /** The value of {@code config} in the agent arguments, reporting every pair that is not usable. */
    private static String configArgument(String agentArgs, Consumer<ConfigProblem> problems) {
        String config = null;
        for (String pair : agentArgs == null ? new String[0] : agentArgs.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                problems.accept(ignored("'" + pair.strip() + "' is not key=value; write " + CONFIG_ARGUMENT + "=/path/to/genscope.yaml"));
                continue;
            }
            String key = pair.substring(0, equals).strip();
            if (ARGUMENT_KEYS.contains(key)) {
                String value = pair.substring(equals + 1).strip();
                if (config != null) {
                    problems.accept(Problems.problem(ARGUMENTS, Severity.SETTING, 0, "", CONFIG_ARGUMENT + " is given twice, "
                            + CONFIG_ARGUMENT + "=" + config + " then " + CONFIG_ARGUMENT + "=" + value + "; keep one",
                            "the last is used, " + value));
                }
                config = value;
            } else {
                problems.accept(ignored(Keys.unknown(key, ARGUMENT_KEYS)));
            }
        }
        return config;
    }

    private static ConfigProblem ignored(String what) {
        return Problems.problem(ARGUMENTS, Severity.SETTING, 0, "", what, "ignored");
    }

    private static Optional<Path> path(Source source, Consumer<ConfigProblem> problems) {
        try {
            return Optional.of(Path.of(source.value().strip()));
        } catch (InvalidPathException e) {
            problems.accept(Problems.problem(source.name(), Severity.FATAL, 0, "",
                    "'" + source.value() + "' is not a valid path: " + e.getReason(), Problems.AGENT_OFF));
            return Optional.empty();
        }
    }

    /** One place the config path may come from, named for messages. */
    private record Source(String name, String value) {
    }
}
