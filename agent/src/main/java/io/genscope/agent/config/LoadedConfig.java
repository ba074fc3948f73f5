package io.genscope.agent.config;

import java.util.List;
import java.util.Objects;

/**
 * The result of loading a config file: the settings to run with and everything that was wrong.
 *
 * @param settings always usable: bad values are replaced by defaults, bad rules are left out, and
 *                 after a {@link ConfigProblem.Severity#FATAL} problem they are the defaults with
 *                 {@code enabled} false and no rules.
 * @param problems every problem found, in file order; empty for a clean file.
 */
public record LoadedConfig(GenscopeSettings settings, List<ConfigProblem> problems) {

    public LoadedConfig {
        Objects.requireNonNull(settings, "settings");
        problems = List.copyOf(problems);
    }

    /** Whether the file could not be used at all, so the agent should stay off. */
    public boolean hasFatal() {
        for (ConfigProblem problem : problems) {
            if (problem.isFatal()) {
                return true;
            }
        }
        return false;
    }
}
