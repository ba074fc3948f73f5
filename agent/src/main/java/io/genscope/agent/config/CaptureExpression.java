package io.genscope.agent.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A parsed capture expression such as {@code args[0].prompt.length} or {@code this.model.name()}:
 * a root and a path of field reads or no-argument calls from it. Only the syntax is known here;
 * whether the path resolves is decided against the real method when it is instrumented.
 * {@link #toString()} prints the canonical form, which {@link CaptureExpressionParser} reads back.
 *
 * @param root           where the path starts.
 * @param argumentIndex  the index N of {@code args[N]} for {@link Root#ARGUMENT}, otherwise -1.
 * @param parameterName  the parameter name for {@link Root#PARAMETER}, otherwise {@code null}.
 * @param segments       the path after the root, in order; empty for the root itself.
 */
public record CaptureExpression(Root root, int argumentIndex, String parameterName, List<Segment> segments) {

    /** What a capture expression starts from. */
    public enum Root {
        /** {@code this}: the instance the method runs on. */
        THIS,
        /** {@code return}: the value the method returned. */
        RETURN,
        /** {@code thrown}: the exception the method threw. */
        THROWN,
        /** {@code args[N]}: the N-th argument, counted from 0. */
        ARGUMENT,
        /** A parameter by its name; needs classes compiled with {@code -parameters}. */
        PARAMETER,
        /** {@code it}: the current element, inside {@code errors.type} and {@code errors.message}. */
        ELEMENT
    }

    /**
     * One step of the path.
     *
     * @param name the field or method name.
     * @param call whether {@code ()} was written, i.e. a no-argument method call, not a field.
     */
    public record Segment(String name, boolean call) {
        public Segment {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return call ? name + "()" : name;
        }
    }

    public CaptureExpression {
        Objects.requireNonNull(root, "root");
        segments = List.copyOf(segments);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(rootText());
        for (Segment segment : segments) {
            text.append('.').append(segment);
        }
        return text.toString();
    }

    private String rootText() {
        return switch (root) {
            case ARGUMENT -> "args[" + argumentIndex + "]";
            case PARAMETER -> parameterName;
            case ELEMENT -> "it";
            case THIS, RETURN, THROWN -> root.name().toLowerCase(Locale.ROOT);
        };
    }
}
