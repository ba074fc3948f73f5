package io.genscope.agent.config;

/** The config text is not YAML; carries the line to point at and a one-line reason. */
final class YamlSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    YamlSyntaxException(int line, String reason) {
        super(reason);
        this.line = line;
    }

    /** 1-based line of the error, or 0 when the parser did not say. */
    int line() {
        return line;
    }
}
