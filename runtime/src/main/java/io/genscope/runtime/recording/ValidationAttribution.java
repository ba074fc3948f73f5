package io.genscope.runtime.recording;

import io.genscope.runtime.store.GenerationRecord;
import io.genscope.runtime.store.ValidationRecord;

/**
 * What a validation attributed to a generation changes in the generation's record: its number
 * among the generation's validations, the failed ones, whether the first passed, and the
 * dependencies it detected when the generation captured none of its own. The same whether the validation ran inside the generation
 * call or, in a request, before or after it.
 */
final class ValidationAttribution {

    private ValidationAttribution() {
    }

    /** The 1-based number the next validation of {@code generation} gets. */
    static int nextAttempt(GenerationRecord generation) {
        return ++generation.validations;
    }

    /** Counts {@code validation}, its outcome known, into {@code generation}. */
    static void attribute(GenerationRecord generation, ValidationRecord validation) {
        if (!validation.ok) {
            generation.failedValidations++;
        }
        if (validation.attempt == 1) {
            generation.firstValidationPassed = validation.ok;
        }
        if (!generation.dependenciesFromGeneration && !validation.detectedDependencies.isEmpty()) {
            generation.dependencyNames.copy(validation.detectedDependencies);
            useOwnDependencies(generation);
        }
    }

    /** Stored only when it changes: see EventSlot on write barriers. */
    static void useOwnDependencies(GenerationRecord generation) {
        if (generation.dependencies != generation.dependencyNames) {
            generation.dependencies = generation.dependencyNames;
        }
    }
}
