package io.genscope.runtime.analytics.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The A/B comparison as an aligned text table, for the summary ({@code report-on-exit} and the
 * command line's {@code summary}): the baseline's row first, then each variant with its rates,
 * each difference in percentage points with its 95 % interval, its p95 time against the
 * baseline's, and the verdict.
 *
 * <pre>
 * [genscope] A/B comparison of prompt variants over the last 3600 s, against v1
 *   variant  generations  success  difference (95 % CI)       first pass  difference (95 % CI)       p95 time  difference  verdict
 *   v1                80   60.0 %                                 50.0 %                              1000 ms
 *   v2                70   80.0 %  +20.0 pts (+5.2 to +33.4)      71.4 %  +21.4 pts (+5.7 to +35.6)   1250 ms     +250 ms  v2 better
 *   v3                 5  100.0 %  +40.0 pts (-4.6 to +51.0)           -  -                            900 ms     -100 ms  too few generations: need ~25 more
 * </pre>
 */
public final class AbTable {

    private static final String[] HEADER = {"variant", "generations", "success", "difference (95 % CI)", "first pass",
            "difference (95 % CI)", "p95 time", "difference", "verdict"};
    /** Columns aligned to the right: the numbers that are not followed by an interval. */
    private static final boolean[] RIGHT = {false, true, true, false, true, false, true, true, false};

    private AbTable() {
    }

    /**
     * {@code summary} followed by the table of {@code comparison}, or {@code summary} alone when
     * there is nothing to compare (no baseline): what {@code report-on-exit} and the command
     * line's {@code summary} print.
     */
    public static String after(String summary, AbComparison comparison) {
        return comparison.baseline().isEmpty() ? summary : summary + "\n" + format(comparison);
    }

    public static String format(AbComparison comparison) {
        StringBuilder text = new StringBuilder("[genscope] A/B comparison of prompt variants over the last ")
                .append(comparison.windowSeconds()).append(" s");
        if (comparison.comparisons().isEmpty()) {
            return text.append(": ").append(comparison.note()).toString();
        }
        text.append(", against ").append(comparison.baseline()).append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        VariantComparison any = comparison.comparisons().values().iterator().next();
        rows.add(new String[] {comparison.baseline(), Long.toString(any.successRate().baselineSamples()),
                percent(any.successRate().baselineSamples(), any.successRate().baselineRate()), "",
                percent(any.firstPassRate().baselineSamples(), any.firstPassRate().baselineRate()), "",
                millis(any.baselineGenerationTimeP95Millis()), "", ""});
        for (VariantComparison variant : comparison.comparisons().values()) {
            rows.add(new String[] {variant.variant(), Long.toString(variant.successRate().samples()),
                    percent(variant.successRate().samples(), variant.successRate().rate()),
                    difference(variant.successRate()),
                    percent(variant.firstPassRate().samples(), variant.firstPassRate().rate()),
                    difference(variant.firstPassRate()),
                    millis(variant.generationTimeP95Millis()),
                    String.format(Locale.ROOT, "%+.0f ms", variant.generationTimeP95DifferenceMillis()),
                    variant.verdict()});
        }
        return text.append(aligned(rows)).toString().stripTrailing();
    }

    private static String aligned(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String padding = " ".repeat(widths[i] - row[i].length());
                line.append("  ").append(RIGHT[i] ? padding + row[i] : row[i] + padding);
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static String percent(long samples, double rate) {
        return samples == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    /** {@code +20.0 pts (+5.2 to +33.4)}, or {@code -} when either variant has no sample. */
    private static String difference(RateComparison rate) {
        if (rate.samples() == 0 || rate.baselineSamples() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.1f pts (%+.1f to %+.1f)", rate.difference() * 100,
                rate.differenceLow95() * 100, rate.differenceHigh95() * 100);
    }

    private static String millis(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }
}
