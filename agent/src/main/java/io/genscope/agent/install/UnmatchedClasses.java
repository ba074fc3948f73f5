package io.genscope.agent.install;

import io.genscope.agent.config.ClassSelector;
import io.genscope.agent.config.ClosestNames;
import io.genscope.agent.config.OffLimitsClasses;
import io.genscope.agent.config.RuleSettings;
import io.genscope.runtime.RuntimeLog;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says so when a class a rule selects loads and none of its methods is one the rule
 * instruments: a misspelled method name, an abstract base class whose method has its body in
 * subclasses, an interface. Until this, such a rule recorded nothing and only the Diagnostics
 * MBean showed it. One WARN line per rule and class names the closest method names the class has.
 *
 * <p>A rule naming its class has one class to report. A glob or {@code implements} rule selects
 * many, some of which rightly have no such method: it is reported only while it has instrumented
 * nothing, never for abstract classes or classes that inherit such a method, and for at most
 * {@value #MAX_CLASSES_PER_RULE} classes.
 *
 * <p>Thread-safe: classes load concurrently; the state is a concurrent set of reported classes.
 */
final class UnmatchedClasses {

    static final int MAX_CLASSES_PER_RULE = 3;
    private static final int HINTS = 3;
    /** Longer method patterns get no hints: their edit distance to every name would cost too much. */
    private static final int MAX_HINTED_PATTERN = 200;

    private final RuleSettings rule;
    private final RuntimeLog log;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    UnmatchedClasses(RuleSettings rule, RuntimeLog log) {
        this.rule = rule;
        this.log = log;
    }

    /**
     * Reports {@code type}, selected by the rule, in which no method matched the rule's method
     * selectors ({@code method}, {@code parameters}, {@code annotation}).
     *
     * @param ruleMatchedBefore whether the rule has instrumented a method of another class
     */
    void noMethodMatched(TypeDescription type, boolean ruleMatchedBefore) {
        boolean named = rule.classSelector() instanceof ClassSelector.Named;
        if (reported.size() >= MAX_CLASSES_PER_RULE || reported.contains(type.getName())
                || !named && (ruleMatchedBefore || type.isAbstract() || declaringSuperclass(type) != null)) {
            return;
        }
        if (reported.add(type.getName())) {
            log.warn(rule.origin().at("method") + ": rule '" + rule.name() + "' selects " + type.getName()
                    + ", but " + why(type) + "; the rule records nothing from this class");
        }
    }

    private String why(TypeDescription type) {
        String implementors = "select them with 'implements: " + type.getName() + "' instead of 'class'";
        if (type.isInterface()) {
            return "it is an interface, and interfaces are never instrumented, default methods included; the"
                    + " classes that implement it are, where they declare '" + rule.methodPattern() + "': "
                    + implementors;
        }
        if (type.isAbstract() && declaresAbstractMatch(type)) {
            return "it is an abstract class and its '" + rule.methodPattern() + "' has no body here; the bodies are"
                    + " in the classes that extend it: " + implementors;
        }
        String inheritedFrom = declaringSuperclass(type);
        if (inheritedFrom != null) {
            return "its '" + rule.methodPattern() + "' is inherited from " + inheritedFrom
                    + ", which this rule does not select: name that class, or select both with 'implements: "
                    + inheritedFrom + "'";
        }
        List<String> names = type.getDeclaredMethods().stream()
                .filter(method -> method.isMethod() && !method.isSynthetic() && !method.isBridge())
                .map(MethodDescription::getName)
                .toList();
        String selectors = "'" + rule.methodPattern() + "'" + (rule.parameterTypes() != null ? " with parameters "
                + rule.parameterTypes() : "") + (rule.annotation() != null ? " annotated @" + rule.annotation() : "");
        if (names.isEmpty()) {
            return "it declares no method, so none matches " + selectors;
        }
        String hint = rule.methodPattern().length() > MAX_HINTED_PATTERN ? ""
                : "; closest: " + String.join(", ", ClosestNames.to(rule.methodPattern(), names, HINTS));
        return "none of its methods matches " + selectors + hint;
    }

    private boolean declaresAbstractMatch(TypeDescription type) {
        return type.getDeclaredMethods().stream()
                .anyMatch(method -> method.isAbstract() && rule.matchesMethodName(method.getName()));
    }

    /**
     * The nearest superclass declaring a method of the name (whose body then runs for this class),
     * or {@code null} (also when a superclass cannot be read, or is one Genscope never instruments).
     */
    private String declaringSuperclass(TypeDescription type) {
        try {
            for (TypeDefinition current = type.getSuperClass(); current != null; current = current.getSuperClass()) {
                String name = current.asErasure().getName();
                if (!OffLimitsClasses.contains(name) && current.getDeclaredMethods().stream().anyMatch(
                        method -> method.isMethod() && !method.isAbstract() && rule.matchesMethodName(method.getName()))) {
                    return name;
                }
            }
            return null;
        } catch (RuntimeException unresolvable) {
            return null;
        }
    }
}
