package io.genscope.runtime.reload;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a reload did: applied, or refused with the config in use left as it was. The result of
 * the Control MBean's {@code reload} operation, and what {@code java -jar genscope-agent.jar
 * reload} prints ({@link #describe()}).
 *
 * @param applied       whether the new config is now in use
 * @param configFile    the config file read
 * @param configVersion the version of the config in use afterwards: 1 at start, one more per
 *                      reload applied
 * @param added         rules that started counting
 * @param removed       rules that stopped counting (their methods are back to their own bytecode)
 * @param changed       rules whose selectors or captures changed: re-woven, their figures kept
 * @param unchanged     rules that went on counting untouched
 * @param needRestart   settings the file changes that cannot change while the JVM runs: kept as
 *                      they were, each as {@code key: in use -> in the file}
 * @param problems      why a refused reload was refused, one line each ({@code file:line ...}
 *                      for a problem of the file); empty when applied
 * @param warnings      what the applied config's rules met as they were woven into the classes
 *                      loaded already (a rule that matches no method of its class, a capture
 *                      that cannot work on a method), one line each, as the JVM's log has them;
 *                      the config is in use all the same
 */
public record ReloadResult(boolean applied, String configFile, long configVersion, List<String> added,
                           List<String> removed, List<String> changed, List<String> unchanged,
                           List<String> needRestart, List<String> problems, List<String> warnings) {

    public ReloadResult {
        Objects.requireNonNull(configFile, "configFile");
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
        needRestart = List.copyOf(needRestart);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** A refusal: nothing changed, the config in use (version {@code configVersion}) runs on. */
    public static ReloadResult refused(String configFile, long configVersion, List<String> problems) {
        return new ReloadResult(false, configFile, configVersion, List.of(), List.of(), List.of(), List.of(),
                List.of(), problems, List.of());
    }

    /** The result as lines for a shell or a log: the verdict first, then what changed or the problems. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        if (applied) {
            lines.add("reload of " + configFile + " applied: config version " + configVersion);
            lines.add(row("added", added));
            lines.add(row("removed", removed));
            lines.add(row("changed", changed));
            lines.add(row("unchanged", unchanged));
            needRestart.forEach(setting -> lines.add("  needs a restart (kept as it was): " + setting));
            warnings.forEach(warning -> lines.add("  warning: " + warning));
        } else {
            lines.add("reload of " + configFile + " refused: nothing changed, config version " + configVersion
                    + " runs on");
            problems.forEach(problem -> lines.add("  " + problem));
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static String row(String label, List<String> rules) {
        return String.format("  %-10s %s", label + ":", rules.isEmpty() ? "-" : String.join(", ", rules));
    }
}
