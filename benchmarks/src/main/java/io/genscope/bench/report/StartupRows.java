package io.genscope.bench.report;

import java.util.Locale;
import java.util.Properties;

/**
 * The start-up rows: what Genscope adds to a hello-world's JVM start-up, as a multiple of what an
 * agent with an empty {@code premain} adds in the same run (issue 14), once with a config naming
 * the hello-world's methods and once with a config naming classes that never load; then, for
 * reference, the same figure for the module's minimal Byte Buddy advice agent, which installs an
 * {@code AgentBuilder} that weaves nothing in the hello-world: the practical floor of any agent
 * built on it. run.sh's {@code WallTime} step measures the medians {@code startup.<variant>.ms}
 * for the variants {@code none}, {@code empty}, {@code genscope}, {@code unloaded},
 * {@code minimal} and {@code otel}.
 */
final class StartupRows {

    static final double NAMED_METHODS_LIMIT = 3;
    static final double UNLOADED_CLASSES_LIMIT = 1.5;

    private final Properties measured;

    StartupRows(Properties measured) {
        this.measured = measured;
    }

    void addTo(Table table) {
        double none = millis("none");
        double empty = millis("empty") - none;
        String runs = measured.getProperty("runs");
        row(table, "JVM start-up added, hello-world main with a config naming its methods (median of " + runs + ")",
                "genscope", NAMED_METHODS_LIMIT, none, empty);
        row(table, "JVM start-up added, the same with a config naming classes that never load (median of " + runs + ")",
                "unloaded", UNLOADED_CLASSES_LIMIT, none, empty);
        double minimal = millis("minimal") - none;
        table.row("JVM start-up added, the minimal Byte Buddy advice agent (an AgentBuilder that weaves nothing"
                        + " here: the floor of a Byte Buddy agent; median of " + runs + ")", Verdict.NONE,
                (empty <= 0 ? format("%+.0f ms", minimal) : format("%+.0f ms = %.2f × the empty agent's %+.0f ms",
                        minimal, minimal / empty, empty)) + format(" (minimal agent %.0f ms)", millis("minimal")),
                Verdict.NONE);
    }

    private void row(Table table, String what, String variant, double limit, double none, double empty) {
        double added = millis(variant) - none;
        double otel = millis("otel") - none;
        String details = format("(no agent %.0f ms, empty agent %.0f ms, Genscope %.0f ms; OpenTelemetry %+.0f ms",
                none, millis("empty"), millis(variant), otel);
        if (empty <= 0) {
            table.row(what, target(limit), format("%+.0f ms; the empty agent %+.0f ms ", added, empty) + details + ")",
                    Verdict.undecided("the empty agent added nothing measurable"));
            return;
        }
        table.row(what, target(limit),
                format("%+.0f ms = %.2f × the empty agent's %+.0f ms ", added, added / empty, empty) + details
                        + format(" = %.1f ×)", otel / empty),
                Verdict.atMost(added / empty, limit, "×"));
    }

    private static String target(double limit) {
        return format("≤ %.1f × what an empty agent adds (same run)", limit);
    }

    private double millis(String variant) {
        String key = "startup." + variant + ".ms";
        String value = measured.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no measurement " + key + "; did every step of run.sh run?");
        }
        return Double.parseDouble(value);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
