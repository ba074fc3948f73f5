package io.genscope.runtime.jfr;

import io.genscope.runtime.store.GenerationRecord;
import io.genscope.runtime.store.RequestTotals;
import io.genscope.runtime.store.ValidationRecord;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One thread's JFR events in progress. Before the Flight Recorder initialises, a start reads one
 * volatile flag ({@link FlightRecorderTimeline#armed}); after, with no recording enabling an event
 * type, it reads that type's enabled flag ({@link EventTypes}). Either way it allocates nothing,
 * an end finds nothing open, and no {@code jdk.jfr} code runs. Nothing here loads an event class
 * before the timeline is armed: the stack of open events is made on first use, and no code path
 * taken while nothing is open names an event class. That also keeps class loading (and the
 * agent's transformer) out of a deep recursion's ends, where the stack may be nearly exhausted.
 *
 * <p>An event's fields are filled only when it is committed ({@link jdk.jfr.Event#shouldCommit}:
 * enabled and past its threshold), from the records the store is about to record: the same
 * metadata, names and counts only.
 *
 * <p>The events made inside a request carry its number, drawn from one counter of the JVM when
 * the request's first event is committed: a request no recording saw takes no number, so the
 * numbers are unique, not consecutive, and a JVM nobody records never draws one.
 *
 * <p>The thread's open validation and retry events form a stack, innermost last, bounded by
 * {@link #MAX_OPEN}: the calls of a recursion deeper than that have no event.
 *
 * <p>Not thread-safe: owned by its thread; an asynchronous generation's event leaves it through
 * {@link #generationPending}.
 */
final class FlightRecorderThreadTimeline implements ThreadTimeline {

    /** The most validations and retries open at once on one thread that get an event. */
    static final int MAX_OPEN = 64;
    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    /** The open event of the thread's generation, if any. */
    private GenerationEvent generation;
    /** Made on first use: creating a {@code GenscopeEvent[]} would load the event classes. */
    private GenscopeEvent[] open;
    private long[] tokens;
    private int size;
    /** The numbers of requests, the last one drawn; shared by every thread. */
    private static final AtomicLong REQUESTS = new AtomicLong();
    /** Whether a request is open on this thread. */
    private boolean inRequest;
    /** The open request's number, 0 until one of its events needs it. */
    private long requestNumber;
    /** The open event of the thread's request, if any. */
    private RequestEvent requestEvent;

    @Override
    public void generationStarted() {
        if (FlightRecorderTimeline.armed && EventTypes.GENERATION.isEnabled()) {
            GenerationEvent event = new GenerationEvent();
            event.begin();
            generation = event;
        } else if (generation != null) {
            generation = null; // left by a generation whose end was lost: never to be committed
        }
    }

    @Override
    public void generationCompleted(GenerationRecord record) {
        GenerationEvent event = generation;
        if (event != null) {
            generation = null;
            commit(event, record, false, request());
        }
    }

    @Override
    public PendingGeneration generationPending() {
        GenerationEvent event = generation;
        if (event == null) {
            return PendingGeneration.NONE;
        }
        generation = null;
        long request = request();
        return record -> commit(event, record, true, request);
    }

    private static void commit(GenerationEvent event, GenerationRecord record, boolean asynchronous, long request) {
        event.end();
        if (event.shouldCommit()) {
            describe(event, record, request);
            event.functionName = record.functionName;
            event.outcome = record.succeeded() ? SUCCESS : FAILURE;
            event.failureType = record.failureType;
            event.retries = record.retries;
            event.validations = record.validations;
            event.failedValidations = record.failedValidations;
            event.promptLength = record.promptLength;
            event.codeLength = record.codeLength;
            event.dependencies = record.dependencies.size();
            event.asynchronous = asynchronous;
            event.commit();
        }
    }

    @Override
    public void retryStarted(long token, String retryRule, int attempt) {
        if (FlightRecorderTimeline.armed && EventTypes.RETRY.isEnabled()) {
            RetryEvent event = new RetryEvent();
            event.retry = retryRule;
            event.attempt = attempt;
            open(event, token);
        }
    }

    @Override
    public void retryEnded(long token, GenerationRecord record) {
        if (size == 0) {
            return; // before naming an event class, which would load it (see the class comment)
        }
        GenscopeEvent event = take(token, true);
        if (event != null) {
            event.end();
            if (event.shouldCommit()) {
                describe(event, record, request());
                event.commit();
            }
        }
    }

    @Override
    public void validationStarted(long token) {
        if (FlightRecorderTimeline.armed && EventTypes.VALIDATION.isEnabled()) {
            open(new ValidationEvent(), token);
        }
    }

    @Override
    public void validationCompleted(long token, GenerationRecord record, ValidationRecord validation) {
        if (size == 0) {
            return; // before naming an event class, which would load it (see the class comment)
        }
        ValidationEvent event = (ValidationEvent) take(token, false);
        if (event != null) {
            event.end();
            if (event.shouldCommit()) {
                describe(event, record, request());
                event.validator = validation.ruleName;
                event.attempt = validation.attempt;
                event.passed = validation.ok;
                event.errors = validation.ok ? 0 : validation.reportedErrors();
                event.errorType = validation.ok || validation.errors.isEmpty() ? null : validation.errors.get(0).type();
                event.detectedDependencies = validation.detectedDependencies.size();
                event.commit();
            }
        }
    }

    @Override
    public void requestStarted() {
        inRequest = true;
        requestNumber = 0;
        if (FlightRecorderTimeline.armed && EventTypes.REQUEST.isEnabled()) {
            RequestEvent event = new RequestEvent();
            event.begin();
            requestEvent = event;
        } else if (requestEvent != null) {
            requestEvent = null; // left by a request whose end was lost: never to be committed
        }
    }

    @Override
    public void requestEnded(RequestTotals.Outcome outcome, int generations) {
        RequestEvent event = requestEvent;
        if (event != null) {
            requestEvent = null;
            event.end();
            if (event.shouldCommit()) {
                event.request = request();
                event.outcome = outcome.name().toLowerCase(Locale.ROOT);
                event.generations = generations;
                event.commit();
            }
        }
        inRequest = false;
    }

    /** The open request's number, drawn when first needed; 0 outside any request. */
    private long request() {
        if (!inRequest) {
            return 0;
        }
        if (requestNumber == 0) {
            requestNumber = REQUESTS.incrementAndGet();
        }
        return requestNumber;
    }

    /**
     * The generation an event belongs to (nothing outside any generation; the user id is the
     * record's, already a pseudonym unless kept plain) and its request.
     */
    private static void describe(GenscopeEvent event, GenerationRecord record, long request) {
        if (record != null) {
            event.generator = record.ruleName;
            event.model = record.model;
            event.projectId = record.projectId;
            event.variant = record.variant;
            event.userId = record.userId;
            event.promptCategory = record.promptCategory;
        }
        event.request = request;
    }

    private void open(GenscopeEvent event, long token) {
        if (open == null) {
            open = new GenscopeEvent[4];
            tokens = new long[4];
        } else if (size == open.length) {
            if (size == MAX_OPEN) {
                return;
            }
            open = Arrays.copyOf(open, size * 2);
            tokens = Arrays.copyOf(tokens, size * 2);
        }
        event.begin();
        open[size] = event;
        tokens[size] = token;
        size++;
    }

    /**
     * The open event of the call with {@code token}, removed with every event opened after it (calls
     * whose ends were lost); {@code null}, and nothing removed, when that call opened none.
     */
    private GenscopeEvent take(long token, boolean retry) {
        for (int i = size - 1; i >= 0; i--) {
            GenscopeEvent event = open[i];
            if (tokens[i] == token && event instanceof RetryEvent == retry) {
                Arrays.fill(open, i, size, null);
                size = i;
                return event;
            }
        }
        return null;
    }

    /** Validations and retries with an open event, for tests. */
    int openEvents() {
        return size;
    }
}
