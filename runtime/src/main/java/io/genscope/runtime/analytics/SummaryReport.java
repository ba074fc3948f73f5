package io.genscope.runtime.analytics;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The analytics summary as a few lines of text, for {@code report-on-exit} and the command line's
 * {@code summary}: what an operator reads in a log when there was no JConsole attached. The
 * requests' lines (since start) come last, when a rule has the role {@code request}.
 */
public final class SummaryReport {

    private SummaryReport() {
    }

    public static String format(AnalyticsSummary all, Map<String, AnalyticsSummary> byModel) {
        return format(all, byModel, null);
    }

    /** With the requests' lines after the others, when {@code requests} is not {@code null}. */
    public static String format(AnalyticsSummary all, Map<String, AnalyticsSummary> byModel, RequestSummary requests) {
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
        return text.toString().stripTrailing();
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
