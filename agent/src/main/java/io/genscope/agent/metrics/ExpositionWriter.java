package io.genscope.agent.metrics;

import io.genscope.runtime.metrics.Label;
import io.genscope.runtime.metrics.MetricFamily;
import io.genscope.runtime.metrics.Sample;

import java.util.List;
import java.util.Locale;

/**
 * Writes metric families in one of Prometheus' text formats. The two formats share the sample
 * lines, the escaping of label values and the way numbers are written; they differ in the lines
 * that describe a family and in how the text ends, which each subclass writes.
 *
 * <p>Stateless and thread-safe.
 */
abstract sealed class ExpositionWriter permits PrometheusTextWriter, OpenMetricsTextWriter {

    /** Doubles up to this magnitude that hold a whole number are written without a fraction. */
    private static final double LARGEST_EXACT_WHOLE = 0x1p53;

    /** The whole text of one scrape. */
    final String write(List<MetricFamily> families) {
        StringBuilder text = new StringBuilder(families.size() * 512);
        for (MetricFamily family : families) {
            describe(family, text);
            for (Sample sample : family.samples()) {
                sample(sample, text);
            }
        }
        end(text);
        return text.toString();
    }

    /** The lines that name the family's type, unit and help, before its samples. */
    abstract void describe(MetricFamily family, StringBuilder text);

    /** What follows the last family. */
    abstract void end(StringBuilder text);

    /** The family's type as both formats spell it. */
    static String typeName(MetricFamily family) {
        return family.type().name().toLowerCase(Locale.ROOT);
    }

    private static void sample(Sample sample, StringBuilder text) {
        text.append(sample.name());
        List<Label> labels = sample.labels();
        if (!labels.isEmpty()) {
            text.append('{');
            for (int i = 0; i < labels.size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(labels.get(i).name()).append("=\"");
                escape(labels.get(i).value(), true, text);
                text.append('"');
            }
            text.append('}');
        }
        text.append(' ').append(number(sample.value())).append('\n');
    }

    /**
     * Appends {@code value} with backslash and line feed escaped, and the double quote too when
     * {@code quotes} (label values in both formats, help in OpenMetrics; the 0.0.4 format's help
     * leaves quotes as they are).
     */
    static void escape(String value, boolean quotes, StringBuilder text) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '"' -> text.append(quotes ? "\\\"" : "\"");
                default -> text.append(c);
            }
        }
    }

    /**
     * A value as Prometheus reads it: a whole number without a fraction ({@code 12}), others in
     * Java's shortest round-tripping form ({@code 0.25}, {@code 1.0E-4}), and {@code +Inf},
     * {@code -Inf}, {@code NaN}.
     */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) <= LARGEST_EXACT_WHOLE) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
