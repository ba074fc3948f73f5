package io.genscope.runtime.recording;

import io.genscope.runtime.store.GenerationRecord;
import io.genscope.runtime.store.RequestTotals;
import io.genscope.runtime.store.ValidationRecord;

/**
 * What one thread's current request holds: how deep it is in request calls, what its
 * generations did, the latest of them (which a validation or retry after it is attributed to),
 * and the validations and retries that came before its first generation, held until that
 * generation starts. Made only when the config has a {@code request} rule. Owned by one thread;
 * never shared.
 *
 * <p>Bounded: at most {@value RequestTotals#MAX_HELD_VALIDATIONS} validations are held per thread (each a
 * {@link ValidationRecord} at its caps, counted in the memory budget); a further one is recorded
 * at once, outside any generation, and counted as an overflow.
 */
final class RequestScope {

    /** Request-role calls open on this thread; set back on exit as {@link ThreadScope#depth} is. */
    int depth;
    long startNanos;
    /** Generations started in this request. */
    int generations;
    /** Whether a generation of this request that completed on its thread failed. */
    boolean generationFailed;
    /** A copy of this request's latest generation as it ended; valid while {@link #hasLatest}. */
    final GenerationRecord latest = new GenerationRecord();
    boolean hasLatest;
    /** Retry-role calls outside any generation, before this request's first one. */
    int heldRetries;
    /** The rule of the latest held retry, which names them in events when no generation takes them. */
    String heldRetryRule;
    private final ValidationRecord[] held = new ValidationRecord[RequestTotals.MAX_HELD_VALIDATIONS];
    private int heldCount;

    boolean active() {
        return depth > 0;
    }

    /** A request starts: nothing of the thread's previous one is left. */
    void begin(long start) {
        startNanos = start;
        generations = 0;
        generationFailed = false;
        heldRetries = 0;
        heldCount = 0;
        hasLatest = false;
    }

    /** The request ended: its latest generation's names are let go. */
    void end() {
        releaseHeld();
        if (hasLatest) {
            hasLatest = false;
            latest.forget();
        }
    }

    /** The record to hold the next validation in, made on first use; {@code null} when all are taken. */
    ValidationRecord hold() {
        if (heldCount == held.length) {
            return null;
        }
        if (held[heldCount] == null) {
            held[heldCount] = new ValidationRecord();
        }
        return held[heldCount++];
    }

    int heldCount() {
        return heldCount;
    }

    ValidationRecord held(int index) {
        return held[index];
    }

    /** The held validations have been recorded. */
    void releaseHeld() {
        heldCount = 0;
        heldRetries = 0;
        heldRetryRule = null;
    }
}
