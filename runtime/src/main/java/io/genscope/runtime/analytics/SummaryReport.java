package io.genscope.runtime.analytics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The analytics summary as a few lines of text, for {@code report-on-exit} and the command line's
 * {@code summary}: what an operator reads in a log when there was no JConsole attached. Overall,
 * per model, the requests' lines (since start) when a rule has the role {@code request}, and a
 * table per captured breakdown dimension (variant, project, user pseudonym, prompt category).
 */
public final class SummaryReport {

    private SummaryReport() {
    }

    /** The most rows a breakdown table of the text shows: the values with the most generations. */
    public static final int BREAKDOWN_ROWS = 10;

    public static String format(AnalyticsSummary all, Map<String, AnalyticsSummary> byModel) {
        return format(all, byModel, Map.of(), null);
    }

    /**
     * @param breakdowns per breakdown dimension ({@code variant}, {@code project}, …), its rows most
     *                   generations first; a table of the first {@value #BREAKDOWN_ROWS} each
     * @param requests   the requests since start, or {@code null} when no rule has the role {@code request}
     */
    public static String format(AnalyticsSummary all, Map<String, AnalyticsSummary> byModel,
                                Map<String, List<BreakdownRow>> breakdowns, RequestSummary requests) {
        StringBuilder text = new StringBuilder();
        text.append("[genscope] summary of the last ").append(all.windowSeconds()).append(" s\n");
        line(text, "generations", "%d started, %d succeeded, %d failed (success rate %s)", all.generations(),
                all.generationSuccesses(), all.generationFailures(), percent(all.generationSuccessRate()));
        line(text, "retries", "%d (%.2f per generation; %s of retried generations succeeded)", all.retryAttempts(),
                all.averageRetryCount(), percent(all.retrySuccessRate()));
        line(text, "validations", "%d, %d failed (failure rate %s)", all.validations(), all.validationFailures(),
                percent(all.validationFailureRate()));
        line(text, "generation time", "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                all.generationTimeP50Millis(), all.generationTimeP95Millis(), all.generationTimeP99Millis(),
                all.generationTimeMaxMillis());
        line(text, "top errors", "%s", counts(all.topValidationErrors()));
        line(text, "dependencies", "%s", counts(all.dependencyUsage()));
        line(text, "failure types", "%s", counts(all.generationFailureTypes()));
        byModel.forEach((model, figures) -> line(text, "model " + model,
                "%d generations, success rate %s, %.2f retries each, validation failure rate %s",
                figures.generations(), percent(figures.generationSuccessRate()), figures.averageRetryCount(),
                percent(figures.validationFailureRate())));
        if (requests != null) {
            line(text, "requests", "%d since start, %d succeeded, %d with a failed generation, %d threw (success rate %s)",
                    requests.requests(), requests.succeeded(), requests.generationFailed(), requests.threw(),
                    percent(requests.successRate()));
            line(text, "per request", "%.2f generations (%d requests without any), time p50 %.1f ms, p95 %.1f ms,"
                    + " max %.1f ms", requests.generationsPerRequest(), requests.withoutGeneration(),
                    requests.timeP50Millis(), requests.timeP95Millis(), requests.timeMaxMillis());
        }
        breakdowns.forEach((dimension, rows) -> table(text, dimension, rows));
        return text.toString().stripTrailing();
    }

    /** One breakdown as a table: a header line, then a line per value. */
    private static void table(StringBuilder text, String dimension, List<BreakdownRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int width = Math.max(dimension.length() + 3,
                rows.stream().limit(BREAKDOWN_ROWS).mapToInt(row -> row.value().length()).max().orElse(0));
        String columns = "  %-" + width + "s %11s %8s %10s %8s %11s %11s %11s %14s%n";
        text.append(String.format(Locale.ROOT, columns, "by " + dimension, "generations", "success", "first pass",
                "retries", "val. failed", "time p50", "time p95", "prompt p50/p95"));
        rows.stream().limit(BREAKDOWN_ROWS).forEach(row -> text.append(String.format(Locale.ROOT, columns,
                row.value(), row.generations(), percent(row.successRate()), percent(row.firstPassRate()),
                String.format(Locale.ROOT, "%.2f", row.averageRetries()), percent(row.validationFailureRate()),
                String.format(Locale.ROOT, "%.1f ms", row.generationTimeP50Millis()),
                String.format(Locale.ROOT, "%.1f ms", row.generationTimeP95Millis()),
                String.format(Locale.ROOT, "%.0f/%.0f", row.promptLengthP50(), row.promptLengthP95()))));
        if (rows.size() > BREAKDOWN_ROWS) {
            text.append(String.format(Locale.ROOT, "  (%d more)%n", rows.size() - BREAKDOWN_ROWS));
        }
    }

    private static void line(StringBuilder text, String label, String format, Object... values) {
        text.append(String.format(Locale.ROOT, "  %-16s " + format + "%n", prepend(label, values)));
    }

    private static Object[] prepend(String label, Object[] values) {
        Object[] all = new Object[values.length + 1];
        all[0] = label;
        System.arraycopy(values, 0, all, 1, values.length);
        return all;
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
