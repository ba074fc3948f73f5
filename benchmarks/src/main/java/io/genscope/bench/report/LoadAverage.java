package io.genscope.bench.report;

import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The machine's load average before and after the run, as run.sh read them from
 * {@code /proc/loadavg} ({@code load.before}, {@code load.after}: the 1, 5 and 15 minute
 * averages) with the number of cores ({@code cores}). Above one runnable thread per core the
 * benchmarks share the CPUs with something else, and their figures are then unreliable.
 *
 * <p><b>Note:</b> the run itself keeps one core busy (two in the two-thread benchmarks), so the
 * average after it is never below about 1; that alone stays within the limit.
 */
record LoadAverage(String before, String after, int cores) {

    static LoadAverage of(Properties measured) {
        return new LoadAverage(measured.getProperty("load.before", "unknown"),
                measured.getProperty("load.after", "unknown"),
                Integer.parseInt(measured.getProperty("cores", Integer.toString(Runtime.getRuntime().availableProcessors()))));
    }

    /** The one-line warning when the 1-minute average before or after exceeded the cores, else nothing. */
    Optional<String> warning() {
        double worst = Math.max(oneMinute(before), oneMinute(after));
        return worst > cores
                ? Optional.of(String.format(Locale.ROOT, "WARNING: load average %.2f exceeds the %d cores: figures"
                        + " then unreliable", worst, cores))
                : Optional.empty();
    }

    /** {@code load average 1/5/15 min: before 0.52 0.61 0.70, after 1.40 0.90 0.75 (2 cores)}. */
    String describe() {
        return "load average 1/5/15 min: before " + before + ", after " + after + " (" + cores + " cores)";
    }

    private static double oneMinute(String averages) {
        try {
            return Double.parseDouble(averages.strip().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
