package io.genscope.runtime.jfr;

import io.genscope.runtime.store.GenerationRecord;
import io.genscope.runtime.store.RequestTotals;
import io.genscope.runtime.store.ValidationRecord;

/**
 * One thread's events in progress: the recorder says when each generation, validation and retry
 * starts and ends, and the timeline opens an event at the start (JFR measures an event's time
 * itself, from {@code begin()}, in its own clock) and commits it at the end with the fields the
 * records then hold. An event is opened only while a recording enables its type: otherwise a
 * start allocates nothing, and an end finds no open event. A call that starts before a recording
 * begins is therefore not in it.
 *
 * <p>The {@code token} of a validation or retry is the one the recorder's {@code enter} returned
 * for that call: an end whose start opened no event (or whose event was dropped, the thread's
 * open events being bounded) does nothing, and an end whose nested calls' ends were lost (the
 * stack ran out) drops their events.
 *
 * <p>Not thread-safe: owned by its thread. Never throws for the data it is given.
 */
public interface ThreadTimeline {

    /** Does nothing: for {@link Timeline#NONE}. */
    ThreadTimeline NONE = new ThreadTimeline() {
        @Override
        public void generationStarted() {
        }

        @Override
        public void generationCompleted(GenerationRecord generation) {
        }

        @Override
        public PendingGeneration generationPending() {
            return PendingGeneration.NONE;
        }

        @Override
        public void retryStarted(long token, String retryRule, int attempt) {
        }

        @Override
        public void retryEnded(long token, GenerationRecord generation) {
        }

        @Override
        public void validationStarted(long token) {
        }

        @Override
        public void validationCompleted(long token, GenerationRecord generation, ValidationRecord validation) {
        }

        @Override
        public void requestStarted() {
        }

        @Override
        public void requestEnded(RequestTotals.Outcome outcome, int generations) {
        }
    };

    /** The outermost generation-role call on this thread started. */
    void generationStarted();

    /** That generation ended on this thread; {@code generation} holds its outcome and captures. */
    void generationCompleted(GenerationRecord generation);

    /**
     * That generation returned a future: its open event, taken off this thread, to be completed
     * when the future is (on any thread).
     */
    PendingGeneration generationPending();

    /**
     * A retry started: a retry-role call, or a nested generation-role call.
     *
     * @param retryRule the rule of the retried call
     * @param attempt   the attempt it makes (2 for a generation's first retry), 0 outside any generation
     */
    void retryStarted(long token, String retryRule, int attempt);

    /** @param generation the generation it belongs to, {@code null} outside any generation */
    void retryEnded(long token, GenerationRecord generation);

    void validationStarted(long token);

    /** @param generation the generation it belongs to, {@code null} outside any generation */
    void validationCompleted(long token, GenerationRecord generation, ValidationRecord validation);

    /**
     * The outermost request-role call on this thread started: the events until {@link #requestEnded}
     * belong to it and carry its number.
     */
    void requestStarted();

    /** That request ended with {@code outcome}, having started {@code generations} generations. */
    void requestEnded(RequestTotals.Outcome outcome, int generations);
}
