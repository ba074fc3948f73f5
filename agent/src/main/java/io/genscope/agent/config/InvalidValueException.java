package io.genscope.agent.config;

/**
 * A value has the wrong form. Thrown by a {@link ValueReader} and always caught in this package,
 * where it becomes a {@link ConfigProblem}.
 */
final class InvalidValueException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient YamlNode at;
    private final String subPath;

    /** The whole value read is wrong. */
    InvalidValueException(String what) {
        this(what, null, "");
    }

    /**
     * Part of the value is wrong, such as one item of a list.
     *
     * @param at      the wrong part
     * @param subPath its path below the value read, as in {@code [2]}
     */
    InvalidValueException(String what, YamlNode at, String subPath) {
        super(what, null, false, false);
        this.at = at;
        this.subPath = subPath;
    }

    /** The node to cite: the wrong part, or {@code read} when the whole value is wrong. */
    YamlNode at(YamlNode read) {
        return at == null ? read : at;
    }

    String subPath() {
        return subPath;
    }
}
