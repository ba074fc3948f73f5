package io.genscope.agent.install;

import io.genscope.agent.config.ClassSelector;
import io.genscope.agent.config.ConfigProblem;
import io.genscope.agent.config.RuleSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds rules naming an exact class that is not on the application class path: usually a typo.
 * The rule stays active, since a plugin class loader may still load such a class later, but the
 * user hears about it at start-up rather than wondering why nothing is recorded.
 */
final class MissingClasses {

    private MissingClasses() {
    }

    static List<ConfigProblem> check(List<RuleSettings> rules) {
        List<ConfigProblem> problems = new ArrayList<>();
        ClassLoader application = ClassLoader.getSystemClassLoader();
        for (RuleSettings rule : rules) {
            String name = rule.classSelector() instanceof ClassSelector.Named named ? named.className()
                    : rule.classSelector() instanceof ClassSelector.SubtypeOf subtype ? subtype.typeName()
                    : null;
            if (name != null && application.getResource(name.replace('.', '/') + ".class") == null) {
                String field = rule.classSelector() instanceof ClassSelector.Named ? "class" : "implements";
                problems.add(rule.origin().problem(field, "class " + name + " is not on the application class path;"
                        + " check the name (a class loaded later by another class loader is still instrumented)",
                        ConfigProblem.Severity.SETTING));
            }
        }
        return problems;
    }
}
