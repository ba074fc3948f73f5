package io.genscope.agent.install;

import io.genscope.agent.config.ClassSelector;
import io.genscope.agent.config.RuleSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * Finds the classes that rules name exactly and that are not on the application class path at
 * start. That is normal, not a problem: in a plugin host (an IDE, a build tool, a server with
 * isolated applications) the generator's classes live only in a plugin class loader, which
 * loads them later, and they are instrumented then. So this is one {@code info} line, never an
 * error and never a reason for {@code strict: true} to refuse start; it is there for the user
 * who sees nothing recorded and wonders whether a name is misspelt.
 */
final class MissingClasses {

    private static final int CLASSES_NAMED = 10;

    private MissingClasses() {
    }

    /**
     * The one line naming such classes and the rules of {@code file} that name them, or empty when
     * all are visible. The line stays short whatever the number of rules: it names at most
     * {@link #CLASSES_NAMED} classes, and for each the first rule and how many more.
     */
    static Optional<String> note(Path file, List<RuleSettings> rules) {
        ClassLoader application = ClassLoader.getSystemClassLoader();
        return note(file, rules, new Predicate<>() {
            @Override
            public boolean test(String resource) {
                return application.getResource(resource) != null;
            }
        });
    }

    /**
     * The same line, for the class path where {@code visible} finds a class file resource
     * ({@code com/acme/Generator.class}).
     */
    static Optional<String> note(Path file, List<RuleSettings> rules, Predicate<String> visible) {
        Map<String, List<String>> rulesByClass = new LinkedHashMap<>();
        for (RuleSettings rule : rules) {
            String name = rule.classSelector() instanceof ClassSelector.Named named ? named.className()
                    : rule.classSelector() instanceof ClassSelector.SubtypeOf subtype ? subtype.typeName()
                    : null;
            if (name != null && !visible.test(name.replace('.', '/') + ".class")) {
                rulesByClass.putIfAbsent(name, new ArrayList<>());
                rulesByClass.get(name).add(rule.origin().path());
            }
        }
        if (rulesByClass.isEmpty()) {
            return Optional.empty();
        }
        StringJoiner named = new StringJoiner(", ");
        int left = CLASSES_NAMED;
        for (Map.Entry<String, List<String>> entry : rulesByClass.entrySet()) {
            if (left-- == 0) {
                break;
            }
            List<String> paths = entry.getValue();
            named.add(entry.getKey() + " (" + paths.get(0) + (paths.size() > 1 ? " and " + (paths.size() - 1) + " more" : "") + ")");
        }
        String more = rulesByClass.size() > CLASSES_NAMED ? " and " + (rulesByClass.size() - CLASSES_NAMED) + " more" : "";
        return Optional.of(file + ": classes not on the application class path at start: " + named + more
                + "; normal when a plugin class loader loads them later, and they are instrumented then;"
                + " if nothing is recorded, check the names");
    }
}
