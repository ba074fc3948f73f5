package io.genscope.agent.config;

/**
 * The config text cannot be read into a tree: it is not YAML, or it exceeds a bound of
 * {@link YamlTreeReader}. Carries the line to point at and a one-line reason.
 */
final class YamlSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    YamlSyntaxException(int line, String reason) {
        super(reason);
        this.line = line;
    }

    /** The text is not YAML: the reason says so. */
    static YamlSyntaxException notYaml(int line, String reason) {
        return new YamlSyntaxException(line, "not valid YAML: " + reason);
    }

    /** 1-based line of the error, or 0 when the parser did not say. */
    int line() {
        return line;
    }
}
