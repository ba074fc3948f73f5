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

    /** {@code ✗ by 23.1 ns}; a percentage target misses by percentage points. */
    static String missedBy(double excess, String unit) {
        return String.format(Locale.ROOT, "✗ by %.1f %s", excess, unit.equals("%") ? "percentage points" : unit);
    }

    /** A target that this run cannot judge, and why: {@code ? the empty agent added nothing measurable}. */
    static String undecided(String why) {
        return "? " + why;
    }
}
