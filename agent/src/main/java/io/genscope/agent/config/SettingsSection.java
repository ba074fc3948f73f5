package io.genscope.agent.config;

import io.genscope.agent.config.ConfigProblem.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A settings mapping of the user's file read over the same mapping of {@code defaults.yaml}: an
 * absent value takes the default, a bad one is reported and takes the default too. The keys of
 * the defaults are the valid keys, so the defaults file stays the one list of settings.
 */
final class SettingsSection {

    private final YamlNode.Mapping given;
    private final YamlNode.Mapping defaults;
    private final String path;
    private final Problems problems;

    SettingsSection(YamlNode.Mapping given, YamlNode.Mapping defaults, String path, Problems problems) {
        this.given = given;
        this.defaults = defaults;
        this.path = path;
        this.problems = problems;
    }

    /** Reports every key that is neither in the defaults nor one of {@code extraKeys}; they are ignored. */
    void checkKeys(String... extraKeys) {
        Set<String> valid = new LinkedHashSet<>(defaults.entries().keySet());
        valid.addAll(List.of(extraKeys));
        Keys.check(given, path, valid, problems.complaint(Severity.SETTING, "ignored"));
    }

    /** The user's value of {@code key}, or the default when it is absent or bad. */
    <T> T value(String key, ValueReader<T> reader) {
        YamlNode node = given.get(key);
        if (node != null) {
            String consequence = "using the default " + yamlText(defaults.get(key));
            T value = reader.readOr(node, field(key), problems.complaint(Severity.SETTING, consequence));
            if (value != null) {
                return value;
            }
        }
        return defaultValue(key, reader);
    }

    /**
     * The default of {@code key}.
     *
     * @throws IllegalStateException if {@code defaults.yaml} itself is wrong, which is a build bug
     */
    <T> T defaultValue(String key, ValueReader<T> reader) {
        try {
            return reader.read(defaults.get(key));
        } catch (InvalidValueException | RuntimeException e) {
            throw new IllegalStateException("bundled " + BundledDefaults.NAME + " has a bad " + field(key) + ": " + e.getMessage(), e);
        }
    }

    /** The nested section {@code key}; when the user's value is not a mapping, it is reported and only defaults apply. */
    SettingsSection section(String key) {
        YamlNode node = given.get(key);
        if (node instanceof YamlNode.Mapping mapping) {
            return nested(key, mapping);
        }
        if (node != null) {
            problems.add(Severity.SETTING, node.line(), field(key),
                    "expected a mapping of " + key + " settings, got " + node.display(), "using the defaults for all of " + key);
        }
        return nested(key, YamlNode.Mapping.empty(given.line()));
    }

    private SettingsSection nested(String key, YamlNode.Mapping mapping) {
        return new SettingsSection(mapping, (YamlNode.Mapping) defaults.get(key), field(key), problems);
    }

    /** The line of the user's {@code key}, even one with no value ({@code key:} alone); 0 when absent. */
    int line(String key) {
        YamlNode node = given.entries().get(key);
        return node == null ? 0 : node.line();
    }

    /** The user's node for {@code key}, {@code null} when absent. */
    YamlNode given(String key) {
        return given.get(key);
    }

    /** The line of the section in the user's file, where a problem with no key of its own is reported. */
    int line() {
        return given.line();
    }

    /** The path of {@code key}, as in {@code store.window}. */
    String field(String key) {
        return YamlNode.keyPath(path, key);
    }

    Problems problems() {
        return problems;
    }

    /** A default as it is written in YAML, for the consequence of a message: {@code 1h}, {@code []}. */
    private static String yamlText(YamlNode node) {
        if (node instanceof YamlNode.Sequence sequence) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            for (YamlNode item : sequence.items()) {
                items.add(yamlText(item));
            }
            return items.toString();
        }
        if (node instanceof YamlNode.Scalar scalar) {
            return scalar.text().isEmpty() ? "\"\"" : scalar.text();
        }
        return node.display();
    }
}
