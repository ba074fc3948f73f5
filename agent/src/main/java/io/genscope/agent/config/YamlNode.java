package io.genscope.agent.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The config file as a tree that, unlike Jackson's {@code JsonNode}, keeps the line of every key
 * and value, so that each problem can point at the line to fix. Built by {@link YamlTreeReader}.
 */
sealed interface YamlNode {

    /** 1-based line: of the key for a mapping value, of the item itself for a list item. */
    int line();

    /** Short description for messages: a scalar's text in quotes, or what kind of node it is. */
    String display();

    /** A YAML mapping (JSON object), keys in file order. */
    record Mapping(int line, Map<String, YamlNode> entries) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** A mapping with no keys, standing in for an absent section. */
        static Mapping empty(int line) {
            return new Mapping(line, Map.of());
        }

        /** The value of {@code key}, or {@code null} when the key is absent or its value is null. */
        YamlNode get(String key) {
            YamlNode value = entries.get(key);
            return value instanceof Scalar scalar && scalar.isNull() ? null : value;
        }

        @Override
        public String display() {
            return "a mapping";
        }
    }

    /** A YAML sequence (JSON array). */
    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String display() {
            return "a list";
        }
    }

    /**
     * A single value.
     *
     * @param text the value as written, without quotes
     * @param kind how YAML typed it
     */
    record Scalar(int line, String text, Kind kind) implements YamlNode {

        /** How YAML typed a scalar; only what the readers need to tell apart. */
        enum Kind { NULL, TRUE, FALSE, OTHER }

        boolean isNull() {
            return kind == Kind.NULL;
        }

        @Override
        public String display() {
            return "'" + text + "'";
        }
    }

    /**
     * Puts the line of every key below {@code node} into {@code lines}, by its path relative to
     * {@code node} ({@code capture.errors.each}, {@code parameters[0]}).
     */
    static void collectLines(YamlNode node, String prefix, Map<String, Integer> lines) {
        if (node instanceof Mapping mapping) {
            for (Map.Entry<String, YamlNode> entry : mapping.entries().entrySet()) {
                String path = keyPath(prefix, entry.getKey());
                lines.put(path, entry.getValue().line());
                collectLines(entry.getValue(), path, lines);
            }
        } else if (node instanceof Sequence sequence) {
            for (int i = 0; i < sequence.items().size(); i++) {
                YamlNode item = sequence.items().get(i);
                String path = itemPath(prefix, i);
                lines.put(path, item.line());
                collectLines(item, path, lines);
            }
        }
    }

    /** The path of {@code key} inside the mapping at {@code parent}; {@code parent} is empty at the top. */
    static String keyPath(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The path of the item at {@code index} of the list at {@code parent}. */
    static String itemPath(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
