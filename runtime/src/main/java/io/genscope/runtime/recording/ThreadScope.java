package io.genscope.runtime.recording;

import io.genscope.runtime.store.GenerationRecord;
import io.genscope.runtime.store.ThreadSlice;
import io.genscope.runtime.store.ValidationRecord;

/**
 * What one thread is doing: how deep it is in generation calls, and the records of its current
 * generation and validation, reused from call to call so recording allocates nothing for them.
 * Owned by one thread; never shared.
 */
final class ThreadScope {

    /** Generation-role calls open on this thread; the generation is the one at depth 1. */
    int depth;
    /**
     * True while captures are read: an instrumented method that a capture's getter calls is
     * ignored, so it cannot disturb the records being filled.
     */
    boolean capturing;
    final GenerationRecord generation = new GenerationRecord();
    final ValidationRecord validation = new ValidationRecord();
    /** This thread's state in the store, kept here to save the store its own thread-local lookup. */
    final ThreadSlice store;
    private final CaptureReader.Call call = new CaptureReader.Call(null, null, null, null);
    private boolean callInUse;
    private Object[] arguments = new Object[0];
    private boolean argumentsInUse;

    /**
     * The slot values placed at their argument positions, in an array reused call after call, or
     * a fresh one if a capture re-entered an instrumented method while the array is in use.
     * {@link #releaseArguments} must follow, so no argument outlives its call here.
     */
    Object[] arguments(int[] positions, Object slot0, Object slot1, Object slot2) {
        if (positions.length == 0) {
            return null;
        }
        int size = positions[positions.length - 1] + 1;
        Object[] array = argumentsInUse ? new Object[size] : arguments.length >= size ? arguments
                : (arguments = new Object[size]);
        argumentsInUse = true;
        array[positions[0]] = slot0;
        if (positions.length > 1) {
            array[positions[1]] = slot1;
        }
        if (positions.length > 2) {
            array[positions[2]] = slot2;
        }
        return array;
    }

    /**
     * The call's state in an object reused call after call, or a fresh one if a capture re-entered
     * an instrumented method while it is in use. {@link #releaseCall} must follow.
     */
    CaptureReader.Call call(Object self, Object[] args, Object returned, Throwable thrown) {
        if (callInUse) {
            return new CaptureReader.Call(self, args, returned, thrown);
        }
        callInUse = true;
        return call.set(self, args, returned, thrown);
    }

    void releaseCall(CaptureReader.Call used) {
        if (used == call) {
            call.set(null, null, null, null);
            callInUse = false;
        }
    }

    void releaseArguments(Object[] array) {
        if (array == arguments) {
            java.util.Arrays.fill(array, null);
            argumentsInUse = false;
        }
    }

    ThreadScope(ThreadSlice store) {
        this.store = store;
    }

    boolean inGeneration() {
        return depth > 0;
    }
}
