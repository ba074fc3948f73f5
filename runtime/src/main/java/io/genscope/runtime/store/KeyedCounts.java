package io.genscope.runtime.store;

/**
 * The keyed counts of one dimension in one time slice: validation error types, generation
 * failure types and dependencies. Shared by all threads (they are off the common success path:
 * a successful call without dependencies touches none of them). Thread-safe, see
 * {@link KeyedCounter}.
 */
final class KeyedCounts {

    final KeyedCounter errorTypes;
    final KeyedCounter failureTypes;
    final KeyedCounter dependencies;

    KeyedCounts(TelemetrySettings settings) {
        errorTypes = new KeyedCounter(settings.maxErrorTypes());
        failureTypes = new KeyedCounter(settings.maxFailureTypes());
        dependencies = new KeyedCounter(settings.maxDependencies());
    }

    void generationCompleted(GenerationRecord generation) {
        if (generation.succeeded()) {
            for (String dependency : generation.dependencies) {
                dependencies.increment(dependency);
            }
        } else {
            failureTypes.increment(generation.failureType);
        }
    }

    void validationCompleted(ValidationRecord validation) {
        for (ErrorInfo error : validation.errors) {
            errorTypes.increment(error.type());
        }
    }

    /** Dependencies of validations that run outside any generation are counted as they come. */
    void dependenciesDetected(ValidationRecord validation) {
        for (String dependency : validation.detectedDependencies) {
            dependencies.increment(dependency);
        }
    }

    void addTo(KeyedSums errors, KeyedSums failures, KeyedSums dependencyTotals) {
        errorTypes.addTo(errors);
        failureTypes.addTo(failures);
        dependencies.addTo(dependencyTotals);
    }
}
