package io.genscope.runtime.store;

import java.util.concurrent.atomic.LongAdder;

/**
 * Every count one time slice keeps for one dimension (all calls, one generation rule, or one
 * model). Rates are computed at read time from pairs of these counts, so they are exact for the
 * slices a window covers.
 *
 * <p>Thread-safe, lock-free: striped adders, a capped {@link KeyedCounter} per key family and
 * a {@link LatencyHistogram}. A reader sees each counter's latest value, not a consistent cut
 * across counters: a generation completing during a read may show in one count and not yet in
 * another.
 */
final class Tally {

    final LongAdder generations = new LongAdder();
    final LongAdder successes = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder retriesOfCompleted = new LongAdder();
    final LongAdder retriedGenerations = new LongAdder();
    final LongAdder retriedSuccesses = new LongAdder();
    final LongAdder retryAttempts = new LongAdder();
    final LongAdder validations = new LongAdder();
    final LongAdder validationFailures = new LongAdder();
    final LongAdder promptLengthSum = new LongAdder();
    final LongAdder promptLengths = new LongAdder();
    final LongAdder codeLengthSum = new LongAdder();
    final LongAdder codeLengths = new LongAdder();
    final KeyedCounter errorTypes;
    final KeyedCounter failureTypes;
    final KeyedCounter dependencies;
    final LatencyHistogram generationTime = new LatencyHistogram();

    Tally(TelemetrySettings settings) {
        errorTypes = new KeyedCounter(settings.maxErrorTypes());
        failureTypes = new KeyedCounter(settings.maxFailureTypes());
        dependencies = new KeyedCounter(settings.maxDependencies());
    }

    void generationStarted(GenerationRecord generation) {
        generations.increment();
        if (generation.promptLength >= 0) {
            promptLengthSum.add(generation.promptLength);
            promptLengths.increment();
        }
    }

    void generationCompleted(GenerationRecord generation) {
        boolean retried = generation.retries > 0;
        retriesOfCompleted.add(generation.retries);
        if (retried) {
            retriedGenerations.increment();
        }
        generationTime.record(generation.durationNanos);
        if (generation.succeeded()) {
            successes.increment();
            if (retried) {
                retriedSuccesses.increment();
            }
            for (String dependency : generation.dependencies) {
                dependencies.increment(dependency);
            }
            if (generation.codeLength >= 0) {
                codeLengthSum.add(generation.codeLength);
                codeLengths.increment();
            }
        } else {
            failures.increment();
            failureTypes.increment(generation.failureType);
        }
    }

    void validationCompleted(ValidationRecord validation) {
        validations.increment();
        if (!validation.ok) {
            validationFailures.increment();
        }
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
}
