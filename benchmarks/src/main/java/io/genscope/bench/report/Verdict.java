package io.genscope.bench.report;

import java.util.Locale;

/** The last column of the table: ✓, ✗ with how far the figure is from its target, or — where no target applies. */
final class Verdict {

    static final String MET = "✓";
    static final String NONE = "—";

    private Verdict() {
    }

    static String atMost(double measured, double limit, String unit) {
        return measured <= limit ? MET : missedBy(measured - limit, unit);
    }

    static String atLeast(double measured, double limit, String unit) {
        return measured >= limit ? MET : missedBy(limit - measured, unit);
    }

    static String below(double measured, double limit, String unit) {
        return measured < limit ? MET : missedBy(measured - limit, unit);
    }

    /** {@code ✗ by 23.1 ns}, {@code ✗ by 0.15 ×}; a percentage target misses by percentage points. */
    static String missedBy(double excess, String unit) {
        return switch (unit) {
            case "%" -> String.format(Locale.ROOT, "✗ by %.1f percentage points", excess);
            case "×" -> String.format(Locale.ROOT, "✗ by %.2f ×", excess);
            default -> String.format(Locale.ROOT, "✗ by %.1f %s", excess, unit);
        };
    }

    /** A target that this run cannot judge, and why: {@code ? the empty agent added nothing measurable}. */
    static String undecided(String why) {
        return "? " + why;
    }
}
