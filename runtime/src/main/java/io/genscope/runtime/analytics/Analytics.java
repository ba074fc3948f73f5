package io.genscope.runtime.analytics;

import io.genscope.runtime.store.BreakdownDimension;
import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.store.DurationDistribution;
import io.genscope.runtime.store.TallyTotals;
import io.genscope.runtime.store.TelemetryStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes figures from the store's slice counts: never from raw events, so they are exact over
 * the window at any event rate. A query over the default one-hour window at one-minute resolution
 * covers up to 60 slices; the store keeps the sum of the past ones while nothing changes in them,
 * so most queries read afresh only the current slice.
 *
 * <p>Thread-safe; holds no state beyond the store and its settings.
 */
public final class Analytics {

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final TelemetryStore store;
    private final int topN;

    /** @param topN how many entries the keyed tables of a summary keep (the rest are left out) */
    public Analytics(TelemetryStore store, int topN) {
        this.store = store;
        this.topN = topN;
    }

    public Duration defaultWindow() {
        return store.settings().window();
    }

    public AnalyticsSummary summary(Dimension dimension) {
        return summary(dimension, defaultWindow());
    }

    public AnalyticsSummary summary(Dimension dimension, Duration window) {
        TallyTotals t = store.totals(window, dimension);
        DurationDistribution time = t.generationTime();
        return new AnalyticsSummary(
                coveredSeconds(window),
                t.generations(),
                t.completed(),
                t.successes(),
                t.failures(),
                ratio(t.successes(), t.completed()),
                t.retryAttempts(),
                ratio(t.retriesOfCompleted(), t.completed()),
                t.retriedGenerations(),
                ratio(t.retriedSuccesses(), t.retriedGenerations()),
                t.validations(),
                t.validationFailures(),
                ratio(t.validationFailures(), t.validations()),
                time.meanNanos() / NANOS_PER_MILLI,
                time.quantileNanos(0.50) / NANOS_PER_MILLI,
                time.quantileNanos(0.95) / NANOS_PER_MILLI,
                time.quantileNanos(0.99) / NANOS_PER_MILLI,
                time.maxNanos() / NANOS_PER_MILLI,
                ratio(t.promptLengthSum(), t.promptLengths()),
                ratio(t.codeLengthSum(), t.codeLengths()),
                top(t.errorTypes(), topN),
                top(t.dependencies(), topN),
                top(t.failureTypes(), topN));
    }

    /**
     * One row per value of {@code dimension} in {@code window}, most generations first, ties by
     * value: every value the window's slices counted, "(other)" included.
     */
    public List<BreakdownRow> breakdown(BreakdownDimension dimension, Duration window) {
        List<BreakdownRow> rows = new ArrayList<>();
        store.breakdown(window, dimension).forEach((value, t) -> rows.add(new BreakdownRow(value, t.generations(),
                t.successes(), t.validatedGenerations(), t.firstPassGenerations(), t.retries(), t.validations(),
                t.validationFailures(), t.generationTimeP50Millis(), t.generationTimeP95Millis(),
                t.averagePromptLength(), t.promptLengthP50(), t.promptLengthP95())));
        rows.sort(Comparator.comparingLong(BreakdownRow::generations).reversed()
                .thenComparing(BreakdownRow::value));
        return rows;
    }

    /** The window {@code window} actually covers, in seconds: whole slices, capped at the retention. */
    public long windowSeconds(Duration window) {
        return coveredSeconds(window);
    }

    /** The {@code n} most frequent validation error types in {@code window}, most frequent first. */
    public Map<String, Long> topErrors(Dimension dimension, Duration window, int n) {
        return top(store.totals(window, dimension).errorTypes(), n);
    }

    /** Failed validations / validations in {@code window}; 0 when there were none. */
    public double validationFailureRate(Dimension dimension, Duration window) {
        TallyTotals t = store.totals(window, dimension);
        return ratio(t.validationFailures(), t.validations());
    }

    /** The seconds a query over {@code window} covers: whole slices, capped at the retention. */
    public long coveredSeconds(Duration window) {
        Duration resolution = store.settings().resolution();
        Duration covered = window.compareTo(store.settings().retention()) > 0 ? store.settings().retention() : window;
        long slices = (covered.toMillis() + resolution.toMillis() - 1) / resolution.toMillis();
        return Math.max(1, slices) * resolution.toMillis() / 1000;
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    /** The {@code n} largest counts, largest first, ties by key. */
    static Map<String, Long> top(Map<String, Long> counts, int n) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(Math.max(0, n))
                .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        return top;
    }
}
