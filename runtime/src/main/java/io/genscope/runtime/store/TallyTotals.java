package io.genscope.runtime.store;

import java.util.HashMap;
import java.util.Map;

/**
 * The sum of the tallies a query covers: plain counts, keyed counts and the merged duration
 * distribution. A value object built per query; not thread-safe.
 */
public final class TallyTotals {

    private long generations;
    private long successes;
    private long failures;
    private long retriesOfCompleted;
    private long retriedGenerations;
    private long retriedSuccesses;
    private long retryAttempts;
    private long validations;
    private long validationFailures;
    private long promptLengthSum;
    private long promptLengths;
    private long codeLengthSum;
    private long codeLengths;
    private final Map<String, Long> errorTypes = new HashMap<>();
    private final Map<String, Long> failureTypes = new HashMap<>();
    private final Map<String, Long> dependencies = new HashMap<>();
    private final DurationDistribution generationTime = new DurationDistribution();

    void add(Tally tally) {
        generations += tally.generations.sum();
        successes += tally.successes.sum();
        failures += tally.failures.sum();
        retriesOfCompleted += tally.retriesOfCompleted.sum();
        retriedGenerations += tally.retriedGenerations.sum();
        retriedSuccesses += tally.retriedSuccesses.sum();
        retryAttempts += tally.retryAttempts.sum();
        validations += tally.validations.sum();
        validationFailures += tally.validationFailures.sum();
        promptLengthSum += tally.promptLengthSum.sum();
        promptLengths += tally.promptLengths.sum();
        codeLengthSum += tally.codeLengthSum.sum();
        codeLengths += tally.codeLengths.sum();
        tally.errorTypes.addTo(errorTypes);
        tally.failureTypes.addTo(failureTypes);
        tally.dependencies.addTo(dependencies);
        tally.generationTime.addTo(generationTime);
    }

    /** Generations started (outermost calls entered). */
    public long generations() {
        return generations;
    }

    /** Generations that returned normally (or whose future completed normally). */
    public long successes() {
        return successes;
    }

    /** Generations that threw (or whose future completed exceptionally). */
    public long failures() {
        return failures;
    }

    public long completed() {
        return successes + failures;
    }

    /** Retries made by the generations completed. */
    public long retriesOfCompleted() {
        return retriesOfCompleted;
    }

    /** Completed generations that retried at least once. */
    public long retriedGenerations() {
        return retriedGenerations;
    }

    /** Completed generations that retried at least once and then succeeded. */
    public long retriedSuccesses() {
        return retriedSuccesses;
    }

    /** Retry calls seen, counted when they start. */
    public long retryAttempts() {
        return retryAttempts;
    }

    public long validations() {
        return validations;
    }

    public long validationFailures() {
        return validationFailures;
    }

    public long promptLengthSum() {
        return promptLengthSum;
    }

    public long promptLengths() {
        return promptLengths;
    }

    public long codeLengthSum() {
        return codeLengthSum;
    }

    public long codeLengths() {
        return codeLengths;
    }

    /** Validation errors per type, unordered. */
    public Map<String, Long> errorTypes() {
        return errorTypes;
    }

    /** Failed generations per exception class, unordered. */
    public Map<String, Long> failureTypes() {
        return failureTypes;
    }

    /** Successful generations per dependency, unordered. */
    public Map<String, Long> dependencies() {
        return dependencies;
    }

    /** Durations of completed generations. */
    public DurationDistribution generationTime() {
        return generationTime;
    }
}
