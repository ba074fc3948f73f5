package io.genscope.agent.config;

import java.util.Objects;

/**
 * One thing wrong with the config, in a form a user can act on without reading code:
 * {@code genscope.yaml:14 rules[1].role: 'validate' is not a role; use one of generation,
 * validation, retry (rule 'validate' disabled)}. The message says what is wrong, what would be
 * valid, and, in parentheses at the end, what the agent does about it.
 *
 * @param file     the config file as the user named it, or the source of the setting
 *                 (such as {@code -javaagent arguments}) when it is not from a file.
 * @param line     1-based line of the offending key or value; 0 when there is none.
 * @param field    path of the offending key, as in {@code store.window} or
 *                 {@code rules[1].capture.model}; empty when the problem is with the whole file.
 * @param message  what is wrong, what would be valid, and the consequence.
 * @param severity what the problem costs.
 */
public record ConfigProblem(String file, int line, String field, String message, Severity severity) {

    /** What a problem costs, from worst to mildest. */
    /** Whether this problem makes the file unusable, so the agent stays off. */
    public boolean isFatal() {
        return severity == Severity.FATAL;
    }

    public enum Severity {
        /** The config cannot be used at all (unreadable, not YAML, not a mapping): the agent turns itself off. */
        FATAL,
        /** One rule is unusable and is dropped; the other rules still apply. */
        RULE,
        /** One value is ignored and its default, or nothing, is used instead. */
        SETTING
    }

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    /** The one-line form: {@code file:line field: message}. */
    public String describe() {
        return location(file, line, field) + ": " + message;
    }

    @Override
    public String toString() {
        return describe();
    }

    /** {@code file:line field}, leaving out a line of 0 and an empty field. */
    static String location(String file, int line, String field) {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        if (!field.isEmpty()) {
            text.append(' ').append(field);
        }
        return text.toString();
    }
}
