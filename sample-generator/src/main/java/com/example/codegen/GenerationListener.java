package com.example.codegen;

/**
 * Hears about the steps inside one {@link CodeGenerator#generate} call that its caller cannot
 * see from the outcome: each validation and each repair. {@link SampleApp} uses it for its own
 * bookkeeping.
 *
 * <p>Called inline on the generating thread: keep it quick and do not throw, or the generation
 * fails with it.
 */
public interface GenerationListener {

    /** A listener that ignores everything. */
    GenerationListener NONE = new GenerationListener() {
    };

    /** A source was compiled, with this result. */
    default void validated(ValidationResult result) {
    }

    /** A repair began: the model is about to be asked again. */
    default void repairStarted() {
    }
}
