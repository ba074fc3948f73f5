package io.genscope.runtime.recording;

import io.genscope.runtime.store.GenerationRecord;
import io.genscope.runtime.store.ValidationRecord;

/**
 * What one thread is doing: how deep it is in generation calls, and the records of its current
 * generation and validation, reused from call to call so recording allocates nothing for them.
 * Owned by one thread; never shared.
 */
final class ThreadScope {

    /** Generation-role calls open on this thread; the generation is the one at depth 1. */
    int depth;
    final GenerationRecord generation = new GenerationRecord();
    final ValidationRecord validation = new ValidationRecord();

    boolean inGeneration() {
        return depth > 0;
    }
}
