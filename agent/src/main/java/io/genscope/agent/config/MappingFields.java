package io.genscope.agent.config;

import java.util.Collection;

/**
 * Reads the keys of one mapping that has no defaults (a rule, an {@code errors} capture),
 * sending every problem to one {@link Complaint} and remembering whether there was any, because
 * one bad key makes the whole mapping unusable.
 */
final class MappingFields {

    private final YamlNode.Mapping mapping;
    private final String path;
    private final Complaint complaint;
    private boolean clean = true;

    MappingFields(YamlNode.Mapping mapping, String path, Complaint complaint) {
        this.mapping = mapping;
        this.path = path;
        this.complaint = new Complaint() {
            @Override
            public void at(int line, String field, String what) {
                clean = false;
                complaint.at(line, field, what);
            }
        };
    }

    void checkKeys(Collection<String> valid) {
        Keys.check(mapping, path, valid, complaint);
    }

    /** Whether {@code key} has a non-null value. */
    boolean has(String key) {
        return mapping.get(key) != null;
    }

    /** The value of {@code key}; {@code null} when it is absent, or bad (and then reported). */
    <T> T optional(String key, ValueReader<T> reader) {
        YamlNode node = mapping.get(key);
        return node == null ? null : reader.readOr(node, YamlNode.keyPath(path, key), complaint);
    }

    /** Like {@link #optional}, but an absent key is reported too, saying to give {@code form}. */
    <T> T required(String key, ValueReader<T> reader, String form) {
        if (!has(key)) {
            complain(key, "missing '" + key + "'; give " + form);
            return null;
        }
        return optional(key, reader);
    }

    /** Reports a problem with {@code key}, at its line, or at the mapping's if it is absent. */
    void complain(String key, String what) {
        YamlNode node = mapping.entries().get(key);
        complaint.at(node == null ? mapping.line() : node.line(), YamlNode.keyPath(path, key), what);
    }

    /** Whether nothing has been reported so far. */
    boolean clean() {
        return clean;
    }
}
