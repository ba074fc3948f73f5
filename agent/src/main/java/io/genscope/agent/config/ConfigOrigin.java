package io.genscope.agent.config;

import java.util.Map;
import java.util.Objects;

/**
 * Where a rule was written, so that the stages after loading, which find that a class does not
 * exist or an expression does not resolve against the real method, can point at the same place
 * in the same form as a {@link ConfigProblem}:
 * <pre>{@code
 * log.warn(rule.origin().at("capture.model") + ": no field 'model' in com.acme.Generator");
 * // genscope.yaml:14 rules[1].capture.model: no field 'model' in com.acme.Generator
 * problems.add(rule.origin().problem("class", "no class com.acme.Gen (rule never applies)", Severity.SETTING));
 * }</pre>
 *
 * @param file       the config file as the user named it.
 * @param path       the rule's path, as in {@code rules[1]}.
 * @param line       the line where the rule starts.
 * @param fieldLines the line of every key inside the rule, by its path relative to the rule,
 *                   as in {@code method} or {@code capture.errors.each}.
 */
public record ConfigOrigin(String file, String path, int line, Map<String, Integer> fieldLines) {

    public ConfigOrigin {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        fieldLines = Map.copyOf(fieldLines);
    }

    /**
     * The location of a field of the rule, as in {@code genscope.yaml:14 rules[1].capture.model}:
     * the field's own line, else that of the nearest field around it that was written, else the
     * rule's (a default).
     *
     * @param field path relative to the rule, as in {@code capture.model}; empty for the rule itself
     */
    public String at(String field) {
        return ConfigProblem.location(file, lineOf(field), pathOf(field));
    }

    /**
     * A problem found after loading, located like {@link #at}: {@code message} should say what is
     * wrong, what would be valid and, in parentheses, the consequence.
     */
    public ConfigProblem problem(String field, String message, ConfigProblem.Severity severity) {
        return new ConfigProblem(file, lineOf(field), pathOf(field), message, severity);
    }

    /** The field's line; for one not written (a default, {@code errors.each} of {@code errors: x}), its parent's. */
    private int lineOf(String field) {
        for (String written = field; !written.isEmpty(); written = written.substring(0, Math.max(0, written.lastIndexOf('.')))) {
            Integer found = fieldLines.get(written);
            if (found != null) {
                return found;
            }
        }
        return line;
    }

    private String pathOf(String field) {
        return field.isEmpty() ? path : path + "." + field;
    }
}
