package io.genscope.runtime.recording;

import io.genscope.runtime.capture.CapturedElements;
import io.genscope.runtime.store.ThreadCallCounts;
import io.genscope.runtime.jfr.ThreadTimeline;
import io.genscope.runtime.store.GenerationRecord;
import io.genscope.runtime.store.ThreadSlice;
import io.genscope.runtime.store.ValidationRecord;
import jdk.internal.vm.annotation.Contended;

/**
 * What one thread is doing: how deep it is in generation calls, and the records of its current
 * generation and validation, reused from call to call so recording allocates nothing for them.
 * Owned by one thread; never shared.
 *
 * <p>{@link Contended}: one thread's scope is written on every call by its own thread, so its fields
 * are padded off the cache lines of whatever the garbage collector copies next to it, such as
 * another recording thread's state (which made two threads on one rule up to 1.5 times slower
 * per call than one, in some JVM runs and not others). Padding costs 256 bytes per object, counted
 * by {@code StoreFootprint}; HotSpot honours it for classes of the boot class path only, where the
 * agent puts the runtime.
 */
@Contended
final class ThreadScope {

    /**
     * Generation-role calls open on this thread; the generation is the one at depth 1. Each call's
     * exit sets it back to what it was before that call's entry, rather than counting down, so a
     * nested call whose exit never ran (the thread's stack was exhausted) is not left counted.
     */
    int depth;
    /**
     * True while captures are read: an instrumented method that a capture's getter calls is
     * ignored, so it cannot disturb the records being filled.
     */
    boolean capturing;
    final GenerationRecord generation = new GenerationRecord();
    final ValidationRecord validation = new ValidationRecord();
    /** The elements of the collection capture being read, bounded by {@code store.max-elements}. */
    final CapturedElements elements;
    /** This thread's state in the store, kept here to save the store its own thread-local lookup. */
    final ThreadSlice store;
    /** This thread's counts of calls per rule (Diagnostics' {@code calls}). */
    final ThreadCallCounts.Cells calls;
    /** This thread's request; {@code null} when the config has no {@code request} rule. */
    final RequestScope request;
    /** This thread's JFR events in progress. */
    final ThreadTimeline timeline;
    private Object[] arguments = new Object[0];

    /**
     * The slot values placed at their argument positions, in an array reused call after call
     * (never shared by two calls at once: instrumented calls made while captures are read are
     * ignored, see {@link #capturing}). {@link #releaseArguments} must follow, so no argument
     * outlives its call here.
     */
    Object[] arguments(int[] positions, Object slot0, Object slot1, Object slot2) {
        if (positions.length == 0 || slot0 == null && slot1 == null && slot2 == null) {
            return null; // reads as no argument, like an array of nulls, without filling and clearing one
        }
        int size = positions[positions.length - 1] + 1;
        if (arguments.length < size) {
            arguments = new Object[size];
        }
        arguments[positions[0]] = slot0;
        if (positions.length > 1) {
            arguments[positions[1]] = slot1;
        }
        if (positions.length > 2) {
            arguments[positions[2]] = slot2;
        }
        return arguments;
    }

    void releaseArguments(Object[] array) {
        if (array != null) {
            java.util.Arrays.fill(array, null);
        }
    }

    ThreadScope(ThreadSlice store, ThreadCallCounts.Cells calls, int maxElements, boolean requests,
                ThreadTimeline timeline) {
        this.store = store;
        this.calls = calls;
        this.request = requests ? new RequestScope() : null;
        this.timeline = timeline;
        this.elements = new CapturedElements(maxElements);
    }

    boolean inGeneration() {
        return depth > 0;
    }

    /** Whether a request is open on this thread (never without a {@code request} rule). */
    boolean inRequest() {
        return request != null && request.depth > 0;
    }
}
