package io.genscope.runtime.store;

/**
 * The keyed counts of one dimension in one time slice that only failures reach: validation
 * error types and generation failure types. Shared by all threads, being off the success path;
 * dependencies, which successful calls report, are counted per thread in {@link Counts}.
 * Thread-safe, see {@link KeyedCounter}.
 */
final class KeyedCounts {

    final KeyedCounter errorTypes;
    final KeyedCounter failureTypes;

    KeyedCounts(TelemetrySettings settings) {
        errorTypes = new KeyedCounter(settings.maxErrorTypes());
        failureTypes = new KeyedCounter(settings.maxFailureTypes());
    }

    void generationFailed(GenerationRecord generation) {
        failureTypes.increment(generation.failureType);
    }

    void validationCompleted(ValidationRecord validation) {
        for (ErrorInfo error : validation.errors) {
            errorTypes.increment(error.type());
        }
    }

    /** Hands every count over to {@code generator}'s totals since start, and forgets the keys (see {@link KeyedCounter#drain}). */
    void drainInto(CumulativeTotals totals, int rule) {
        errorTypes.drain(totals.errorTypes(rule));
        failureTypes.drain(totals.failureTypes(rule));
    }

    void addTo(KeyedSums errors, KeyedSums failures) {
        errorTypes.addTo(errors);
        failureTypes.addTo(failures);
    }
}
