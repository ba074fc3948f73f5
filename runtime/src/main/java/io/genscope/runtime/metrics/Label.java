package io.genscope.runtime.metrics;

/**
 * One label of a sample: a name following Prometheus' rules ({@code [a-zA-Z_][a-zA-Z0-9_]*}) and
 * any value, escaped by whoever writes it out.
 */
public record Label(String name, String value) {

    public Label {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(value, "value");
    }
}
