package io.genscope.runtime.jfr;

import io.genscope.runtime.store.GenerationRecord;

/**
 * The open event of a generation that returned a future, completed once when the future is, on
 * whichever thread completes it.
 */
@FunctionalInterface
public interface PendingGeneration {

    /** Nothing to complete: no event was open. */
    PendingGeneration NONE = generation -> { };

    void completed(GenerationRecord generation);
}
