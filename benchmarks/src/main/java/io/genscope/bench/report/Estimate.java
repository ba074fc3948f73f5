package io.genscope.bench.report;

import java.util.Locale;

/**
 * A measured value with its 99.9 % error margin as JMH reports it; the error is {@code NaN} when
 * a run had too few iterations to estimate one (as in {@code --quick}).
 */
record Estimate(double value, double error) {

    /** {@code this - other}, errors combined as independent. */
    Estimate minus(Estimate other) {
        return new Estimate(value - other.value, Math.hypot(error, other.error));
    }

    /** The value with a sign and, when known, its error: {@code +83.1 ± 2.4}. */
    String signed(String format) {
        return withError("%+" + format, format);
    }

    /** The value and, when known, its error: {@code 34.2 ± 0.3}. */
    String plain(String format) {
        return withError("%" + format, format);
    }

    private String withError(String valueFormat, String format) {
        String shown = String.format(Locale.ROOT, valueFormat, value);
        return Double.isNaN(error) ? shown : shown + " ± " + String.format(Locale.ROOT, "%" + format, error);
    }
}
