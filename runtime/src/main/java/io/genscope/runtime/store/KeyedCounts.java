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

    /** Forgets every key. */
    void clear() {
        errorTypes.clear();
        failureTypes.clear();
    }

    void addTo(KeyedSums errors, KeyedSums failures) {
        errorTypes.addTo(errors);
        failureTypes.addTo(failures);
    }
}
