package io.genscope.agent.config;

/**
 * Turns one node of the config tree into a typed value, or says what form was expected.
 * The library of readers is {@link Values}.
 */
@FunctionalInterface
interface ValueReader<T> {

    /** @throws InvalidValueException saying what is wrong and what would be valid */
    T read(YamlNode node) throws InvalidValueException;

    /**
     * Reads {@code node}, or reports why it cannot through {@code complaint} and returns
     * {@code null}; never throws for a bad value.
     *
     * @param field the path of {@code node}, as in {@code store.window}
     */
    default T readOr(YamlNode node, String field, Complaint complaint) {
        try {
            return read(node);
        } catch (InvalidValueException e) {
            complaint.at(e.at(node).line(), field + e.subPath(), e.getMessage());
            return null;
        }
    }
}
