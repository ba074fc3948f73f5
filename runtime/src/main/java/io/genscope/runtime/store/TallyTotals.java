package io.genscope.runtime.store;

import java.util.Map;

/**
 * The sum of the tallies a query covers: plain counts, keyed counts and the merged duration
 * distribution. A value object built per query; not thread-safe.
 */
public final class TallyTotals {

    private final long[] counts = new long[Counts.SIZE];
    private final KeyedSums errorTypes = new KeyedSums();
    private final KeyedSums failureTypes = new KeyedSums();
    private final KeyedSums dependencies = new KeyedSums();

    void add(Counts tally) {
        if (tally != null) {
            tally.addTo(counts);
            tally.dependencies.addTo(dependencies);
        }
    }

    void add(KeyedCounts keyed) {
        if (keyed != null) {
            keyed.addTo(errorTypes, failureTypes);
        }
    }

    /** Adds the totals of another query (which are left as they are). */
    void add(TallyTotals other) {
        Counts.addMerged(other.counts, counts);
        errorTypes.add(other.errorTypes);
        failureTypes.add(other.failureTypes);
        dependencies.add(other.dependencies);
    }

    /** Distinct keys held: error types, failure types and dependencies. */
    int keys() {
        return errorTypes.size() + failureTypes.size() + dependencies.size();
    }

    /** Generations started (outermost calls entered). */
    public long generations() {
        return counts[Counts.GENERATIONS];
    }

    /** Generations that returned normally (or whose future completed normally). */
    public long successes() {
        return counts[Counts.SUCCESSES];
    }

    /** Generations that threw (or whose future completed exceptionally). */
    public long failures() {
        return counts[Counts.FAILURES];
    }

    public long completed() {
        return successes() + failures();
    }

    /** Retries made by the generations completed. */
    public long retriesOfCompleted() {
        return counts[Counts.RETRIES_OF_COMPLETED];
    }

    /** Completed generations that retried at least once. */
    public long retriedGenerations() {
        return counts[Counts.RETRIED_SUCCESSES] + counts[Counts.RETRIED_FAILURES];
    }

    /** Completed generations that retried at least once and then succeeded. */
    public long retriedSuccesses() {
        return counts[Counts.RETRIED_SUCCESSES];
    }

    /** Retry calls seen, counted when they start. */
    public long retryAttempts() {
        return counts[Counts.RETRY_ATTEMPTS];
    }

    public long validations() {
        return counts[Counts.VALIDATIONS_PASSED] + counts[Counts.VALIDATION_FAILURES];
    }

    public long validationFailures() {
        return counts[Counts.VALIDATION_FAILURES];
    }

    public long promptLengthSum() {
        return counts[Counts.PROMPT_LENGTH_SUM];
    }

    public long promptLengths() {
        return counts[Counts.PROMPT_LENGTHS];
    }

    public long codeLengthSum() {
        return counts[Counts.CODE_LENGTH_SUM];
    }

    public long codeLengths() {
        return counts[Counts.CODE_LENGTHS];
    }

    /** Validation errors per type, unordered; a new map on each call. */
    public Map<String, Long> errorTypes() {
        return errorTypes.toMap();
    }

    /** Failed generations per exception class, unordered; a new map on each call. */
    public Map<String, Long> failureTypes() {
        return failureTypes.toMap();
    }

    /** Successful generations per dependency, unordered; a new map on each call. */
    public Map<String, Long> dependencies() {
        return dependencies.toMap();
    }

    /** Durations of completed generations. */
    public DurationDistribution generationTime() {
        return new DurationDistribution(counts);
    }
}
