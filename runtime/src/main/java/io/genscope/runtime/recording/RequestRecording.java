package io.genscope.runtime.recording;

import io.genscope.runtime.store.GenerationRecord;
import io.genscope.runtime.store.RequestTotals;
import io.genscope.runtime.store.TelemetryStore;
import io.genscope.runtime.store.ValidationRecord;
import io.genscope.runtime.time.Clock;

/**
 * Ties the generations, validations and retries on one thread inside a {@code request} call to
 * that request. The outermost request-role call on a thread is the request; a nested one is part
 * of it. Inside it:
 * <ul>
 *   <li>a validation or retry inside a generation call belongs to that generation, as without
 *       requests;</li>
 *   <li>one outside any generation call, after a generation of the request, is attributed to the
 *       request's latest generation (its rule, model and other captured values), a validation
 *       numbered on after that generation's own;</li>
 *   <li>one before the request's first generation is held until that generation starts, then
 *       attributed to it, numbered first; a request that ends without a generation records what
 *       it held outside any generation, as without requests.</li>
 * </ul>
 * A request succeeds when its call returns normally and no generation of it that completed on
 * its thread failed (see {@link RequestTotals.Outcome}).
 *
 * <p>An asynchronous generation (its call returns a {@code CompletionStage}) counts in its request
 * when its call returns: it is one of the request's generations and becomes its latest, so the
 * validations and retries after it on the request's thread are attributed to it. Its outcome is
 * known only when the stage completes, maybe after the request has ended and on another thread:
 * it is recorded as the generation's (its own success or failure, as without requests) and never
 * changes the request's outcome. Work done inside the stage on other threads belongs to no
 * request.
 *
 * <p>Only used on the recording thread, with that thread's {@link ThreadScope}; the totals it
 * records into are thread-safe.
 */
final class RequestRecording {

    private final TelemetryStore store;
    private final Clock clock;
    private final RequestTotals totals;

    RequestRecording(TelemetryStore store, RequestTotals totals) {
        this.store = store;
        this.clock = store.clock();
        this.totals = totals;
    }

    /** @return the call's token: its nesting level, 1 for the request itself */
    long enter(ThreadScope scope, long start) {
        RequestScope request = scope.request;
        int level = ++request.depth;
        if (level == 1) {
            request.begin(start);
            scope.timeline.requestStarted();
        }
        return level;
    }

    /** A request-role call ends; the request with its outermost one. */
    void exit(ThreadScope scope, long token, Throwable thrown) {
        RequestScope request = scope.request;
        if (token <= 0 || token > request.depth) {
            return;
        }
        request.depth = (int) token - 1;
        if (token != 1) {
            return;
        }
        long end = clock.monotonicNanos();
        try {
            recordHeld(scope, null, end);
            RequestTotals.Outcome outcome = thrown != null ? RequestTotals.Outcome.THREW
                    : request.generationFailed ? RequestTotals.Outcome.GENERATION_FAILED
                    : RequestTotals.Outcome.SUCCEEDED;
            totals.requestCompleted(outcome, request.generations, end - request.startNanos);
            scope.timeline.requestEnded(outcome, request.generations);
        } finally {
            request.end();
        }
    }

    /** A generation of the request started (and was recorded as started): it takes what the request held. */
    void generationStarted(ThreadScope scope, GenerationRecord generation) {
        scope.request.generations++;
        recordHeld(scope, generation, clock.monotonicNanos());
    }

    /**
     * A generation of the request ended on its thread, its outcome known ({@code completed}) or
     * pending in a future: it becomes the request's latest. Called before the store records it.
     */
    void generationEnded(RequestScope request, GenerationRecord generation, boolean completed) {
        generation.copyTo(request.latest);
        request.hasLatest = true;
        if (completed && !generation.succeeded()) {
            request.generationFailed = true;
        }
    }

    /**
     * The generation a validation or retry outside any generation call is attributed to: the
     * request's latest, or {@code null} before its first (when it is held instead).
     */
    GenerationRecord latest(RequestScope request) {
        return request.hasLatest ? request.latest : null;
    }

    /** Holds a retry-role call made before the request's first generation. */
    void holdRetry(RequestScope request, String rule) {
        request.heldRetries++;
        request.heldRetryRule = rule;
    }

    /** A record to hold a validation before the request's first generation in; {@code null} (counted) when full. */
    ValidationRecord holdingRecord(RequestScope request) {
        ValidationRecord held = request.hold();
        if (held == null) {
            totals.heldValidationOverflowed();
        }
        return held;
    }

    /**
     * Records what the request held, into {@code generation} (which takes the held validations as
     * its first), or outside any generation when {@code null}.
     */
    private void recordHeld(ThreadScope scope, GenerationRecord generation, long now) {
        RequestScope request = scope.request;
        int held = request.heldCount();
        int retries = request.heldRetries;
        String retryRule = request.heldRetryRule;
        request.releaseHeld();
        for (int i = 0; i < retries; i++) {
            store.retryStarted(scope.store, generation, retryRule, now);
        }
        for (int i = 0; i < held; i++) {
            ValidationRecord validation = request.held(i);
            if (generation != null) {
                validation.attempt = ValidationAttribution.nextAttempt(generation);
                ValidationAttribution.attribute(generation, validation);
            }
            store.validationCompleted(scope.store, generation, validation, now);
        }
    }
}
