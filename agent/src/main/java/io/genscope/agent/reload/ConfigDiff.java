package io.genscope.agent.reload;

import io.genscope.agent.config.GenscopeSettings;
import io.genscope.agent.config.RuleSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a reload would change, config in use against config read: which rules are added, removed,
 * changed (same name, other selectors or captures) or unchanged, and which settings the new file
 * changes that cannot change while the JVM runs.
 *
 * <p>Live: {@code rules}, {@code log-level} and {@code strict} (which only matters at start: a
 * reload refuses a file with any problem whatever it says). Needing a restart: {@code enabled},
 * {@code report-on-exit} (its shutdown hook is set at start), every key of {@code store} (the
 * store is sized by them when the JVM starts), {@code metrics} (the endpoint is bound at start)
 * {@code alerts} (their states are made at start), {@code jfr} (the timeline is chosen at start)
 * and {@code ab-test} (the comparison is set up at start).
 *
 * @param added       rules of the new file only, in its order
 * @param removed     rules of the config in use only, in its order
 * @param changed     rules of both whose selectors, parameters or captures differ, in the new order
 * @param unchanged   rules of both that are the same but for where the file has them
 * @param needRestart each setting the new file changes that needs a restart, as
 *                    {@code key: in use -> in the file}
 */
public record ConfigDiff(List<String> added, List<String> removed, List<String> changed, List<String> unchanged,
                         List<String> needRestart) {

    public ConfigDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
        needRestart = List.copyOf(needRestart);
    }

    public static ConfigDiff of(GenscopeSettings inUse, GenscopeSettings read) {
        Map<String, RuleSettings> before = byName(inUse.rules());
        Map<String, RuleSettings> after = byName(read.rules());
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        after.forEach((name, rule) -> {
            RuleSettings old = before.get(name);
            if (old == null) {
                added.add(name);
            } else if (SettingValues.of(old).equals(SettingValues.of(rule))) {
                unchanged.add(name);
            } else {
                changed.add(name);
            }
        });
        List<String> removed = before.keySet().stream().filter(name -> !after.containsKey(name)).toList();
        List<String> needRestart = new ArrayList<>();
        compare("enabled", inUse.enabled(), read.enabled(), needRestart);
        compare("report-on-exit", inUse.reportOnExit(), read.reportOnExit(), needRestart);
        compareSection("store", inUse.store(), read.store(), needRestart);
        compareSection("metrics", inUse.metrics(), read.metrics(), needRestart);
        compareSection("alerts", inUse.alerts(), read.alerts(), needRestart);
        compareSection("jfr", inUse.jfr(), read.jfr(), needRestart);
        compareSection("ab-test", inUse.abTest(), read.abTest(), needRestart);
        return new ConfigDiff(added, removed, changed, unchanged, needRestart);
    }

    /** The names of the rules kept as they are: they keep their woven code and advice indexes. */
    public Set<String> unchangedNames() {
        return Set.copyOf(unchanged);
    }

    /** Whether the new file changes any rule. */
    public boolean changesRules() {
        return !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty();
    }

    private static Map<String, RuleSettings> byName(List<RuleSettings> rules) {
        return rules.stream().collect(Collectors.toMap(RuleSettings::name, rule -> rule, (a, b) -> a,
                LinkedHashMap::new));
    }

    private static void compareSection(String section, Record inUse, Record read, List<String> needRestart) {
        Map<String, Object> before = SettingValues.components(inUse);
        Map<String, Object> after = SettingValues.components(read);
        before.forEach((component, value) -> compare(component.equals(section) ? section
                : section + "." + SettingValues.key(component), value, after.get(component), needRestart));
    }

    private static void compare(String key, Object inUse, Object read, List<String> needRestart) {
        if (!Objects.equals(inUse, read)) {
            needRestart.add(key + ": " + inUse + " -> " + read);
        }
    }
}
