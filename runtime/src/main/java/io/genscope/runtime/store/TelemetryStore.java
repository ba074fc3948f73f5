package io.genscope.runtime.store;

import io.genscope.runtime.privacy.ErrorTypes;
import io.genscope.runtime.privacy.MessageSanitizer;
import io.genscope.runtime.privacy.Redactor;
import io.genscope.runtime.time.Clock;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where recorded generations, retries and validations go: exact counts in time slices (the
 * source of every analytic) plus a bounded ring of raw events (for export only).
 *
 * <p>Recording is per thread: each thread counts into its own {@link ThreadSlice} with plain
 * (opaque) stores and no shared write, and hands the counts over to the slice when it moves on
 * to the next one. Queries merge the retired and the live counts of each slice in the window,
 * reusing the sum of the past slices while nothing changes in them.
 *
 * <p>Memory is bounded by the settings and the number of recording threads: the slice ring
 * covers the retention; per slice, each recording thread holds one {@link Counts} (5.8 KB, plus
 * its dependencies) for the calls outside any generation and one per pair of rule and model it
 * used, merged into the slice's own when it moves on (or, once it has ended, when another thread joins or leaves that slice); at most
 * {@code maxModels} models per slice; each keyed count is capped; a raw event keeps at most
 * {@code eventElements} errors and dependencies (a fresh copy, never the host's list); per
 * captured breakdown dimension (variant, project, user, prompt category), a row of
 * {@link BreakdownCounts} per value up to its cap plus "(other)", per slice and per recording
 * thread ({@link ThreadBreakdowns}). {@link StoreFootprint} adds it up. Nothing older than the retention is kept or reported: slices
 * past it are let go, and raw events past it dropped (see {@link EventLog}), by the threads that
 * record as they move to a new slice and by queries, without a thread of Genscope's own.
 *
 * <p>Thread-safe. Writers never block on each other; queries read counters while they move, so a
 * generation completing during a query may be half-counted in it (each counter is exact, the cut
 * across counters is not atomic).
 */
public final class TelemetryStore {

    /** The name that takes every count past a cap, models included. */
    public static final String OTHER = KeyedCounter.OTHER;

    /**
     * Rule slots a store is made with beyond the rules at start, for the rules reloads add (see
     * {@code RuleSlots}): each costs a reference per recording thread and per slice, counted by
     * {@link StoreFootprint}.
     */
    public static final int SPARE_RULE_SLOTS = 64;

    private final TelemetrySettings settings;
    private final Clock clock;
    private final SliceRing slices;
    private final SettledTotals settled;
    private final SinceStart sinceStart;
    private final EventLog events;
    private final ErrorTypes errorTypes;
    private final MessageSanitizer messages;
    private final int rules;
    private final long originNanos;
    private final long originWallNanos;
    private final long resolutionNanos;
    private final long retentionNanos;
    private final ThreadLocal<ThreadSlice> threads;
    private volatile long epoch;

    /**
     * @param rules     how many rules the advice may name (indexes 0..rules-1)
     * @param models    told each time a model may have entered or left the retention
     */
    public TelemetryStore(TelemetrySettings settings, int rules, Clock clock, ModelListener models) {
        this.settings = settings;
        this.clock = clock;
        this.rules = rules;
        SettledTotals settled = new SettledTotals(settings, rules);
        this.settled = settled;
        this.sinceStart = new SinceStart(settings, rules);
        this.slices = new SliceRing(settings, rules, models, new Runnable() {
            @Override
            public void run() {
                settled.forget();
            }
        }, sinceStart);
        this.events = new EventLog(settings.eventRingSize());
        this.errorTypes = new ErrorTypes(Redactor.withBuiltIns(settings.redact()));
        this.messages = new MessageSanitizer(settings.errorMessages(), settings.errorMessageLength(), settings.redact());
        this.originNanos = clock.monotonicNanos();
        this.originWallNanos = clock.wallMillis() * 1_000_000L;
        this.resolutionNanos = settings.resolution().toNanos();
        this.retentionNanos = settings.retention().toNanos();
        this.threads = new ThreadLocal<>() {
            @Override
            protected ThreadSlice initialValue() {
                return new ThreadSlice(rules, settings.maxDependencies(), Thread.currentThread());
            }
        };
    }

    public TelemetrySettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * An error as it may be kept: a short type derived from {@code type} (see {@link ErrorTypes}),
     * the message as {@code error-messages} allows.
     *
     * @param typePattern the rule's {@code type-pattern}, or {@code null}
     */
    public ErrorInfo error(String type, Pattern typePattern, String message) {
        return new ErrorInfo(errorTypes.type(type, typePattern), messages.sanitize(message));
    }

    /**
     * An error that is an exception of class {@code type}: its class name as it is (only cut, see
     * {@link ErrorTypes#ofClass}), since a class name is no user content; the message as
     * {@link #error} keeps it.
     */
    public ErrorInfo errorOfClass(Class<?> type, String message) {
        return new ErrorInfo(ErrorTypes.ofClass(type), messages.sanitize(message));
    }

    /** Whether {@link #error} keeps any message: when not, callers need not read one from the host. */
    public boolean keepsErrorMessages() {
        return messages.keepsMessages();
    }

    /**
     * The calling thread's recording state in this store. A caller that records often keeps it
     * (in its own thread-local state) and passes it back, saving a thread-local lookup per call.
     * It must only ever be passed back on the thread that obtained it.
     */
    public ThreadSlice currentThread() {
        return threads.get();
    }

    /**
     * A generation started at {@code nanos} on the thread of {@code self} (see
     * {@link #currentThread()}). Its attempt event is written with its outcome, in
     * {@link #generationCompleted}: until then it is not exported.
     */
    public void generationStarted(ThreadSlice self, GenerationRecord generation, long nanos) {
        ThreadSlice thread = at(self, nanos);
        try {
            thread.pair(generation.rule, generation.model).generationStarted(generation);
        } finally {
            thread.recorded();
        }
        if (events.enabled()) {
            // the attempt takes its sequence now and its slot with the outcome (see EventSlot#attemptOf)
            generation.attemptSequence = eventsOf(thread).reserve();
            generation.entryCaptures = (generation.model != null ? EventSlot.ATTEMPT_MODEL : 0)
                    | (generation.projectId != null ? EventSlot.ATTEMPT_PROJECT : 0)
                    | (generation.functionName != null ? EventSlot.ATTEMPT_FUNCTION : 0)
                    | (generation.promptLength != -1 ? EventSlot.ATTEMPT_PROMPT_LENGTH : 0);
        }
    }

    /** A retry call started, on the thread of {@code self} (see {@link #currentThread()}). */
    public void retryStarted(ThreadSlice self, GenerationRecord generation, String retryRule, long nanos) {
        ThreadSlice thread = at(self, nanos);
        try {
            if (generation != null) {
                thread.pair(generation.rule, generation.model).retryStarted();
            } else {
                thread.unattributed.retryStarted();
            }
        } finally {
            thread.recorded();
        }
        event(thread, EventType.RETRY_ATTEMPT, generation != null ? generation.ruleName : retryRule, generation, null,
                0, nanos);
    }

    /** A validation ended, on the thread of {@code self} (see {@link #currentThread()}). */
    public void validationCompleted(ThreadSlice self, GenerationRecord generation, ValidationRecord validation,
                                    long nanos) {
        ThreadSlice thread = at(self, nanos);
        try {
            TimeSlice slice = thread.slice;
            boolean keyed = !validation.errors.isEmpty();
            if (generation != null) {
                thread.pair(generation.rule, generation.model).validationCompleted(validation);
                if (keyed) {
                    slice.keyedRule(generation.rule).validationCompleted(validation);
                    slice.keyedModel(thread.admitted(generation.rule, generation.model))
                            .validationCompleted(validation);
                }
            } else {
                thread.unattributed.validationCompleted(validation);
                thread.unattributed.dependenciesDetected(validation);
                if (keyed) {
                    slice.keyedUnattributed.validationCompleted(validation);
                }
            }
        } finally {
            thread.recorded();
        }
        try {
            if (!validation.ok) {
                event(thread, EventType.VALIDATION_FAILURE, validation.ruleName, generation, validation,
                        validation.durationNanos, nanos);
            }
        } finally {
            validation.recorded();
        }
    }

    /**
     * A generation completed at {@code nanos}, on the thread of {@code self} (see
     * {@link #currentThread()}), the thread that started it or another. Its raw event also holds
     * its attempt's, which took its sequence in {@link #generationStarted} and is exported as
     * started at {@code nanos} less the generation's {@code durationNanos}: that difference must be
     * when it started.
     */
    public void generationCompleted(ThreadSlice self, GenerationRecord generation, long nanos) {
        ThreadSlice thread = at(self, nanos);
        try {
            thread.pair(generation.rule, generation.model).generationCompleted(generation);
            if (generation.hasBreakdownValue()) {
                thread.breakdowns.completed(thread.slice, generation);
            }
            if (!generation.succeeded()) {
                TimeSlice slice = thread.slice;
                slice.keyedRule(generation.rule).generationFailed(generation);
                slice.keyedModel(thread.admitted(generation.rule, generation.model)).generationFailed(generation);
            }
        } finally {
            thread.recorded();
        }
        try {
            event(thread, generation.succeeded() ? EventType.GENERATION_SUCCESS : EventType.GENERATION_FAILURE,
                    generation.ruleName, generation, null, generation.durationNanos, nanos);
        } finally {
            generation.recorded();
        }
    }

    /**
     * Sums {@code dimension} over the slices of the last {@code window}, at slice resolution. The
     * past slices are summed once and the sum reused while nothing changes in them (see
     * {@link SettledTotals}), so a query costs about the same however much has been recorded.
     */
    public TallyTotals totals(Duration window, Dimension dimension) {
        int count = settings.slicesFor(window);
        long now = sliceIndex(clock.monotonicNanos());
        slices.expireBefore(now);
        return settled.totals(slices.latest(now, count), now, count, dimension);
    }

    /**
     * The figures of each value of {@code dimension} counted in the last {@code window} (values past
     * the dimension's cap in a slice are counted there under "(other)"), by value, in no order.
     * Reads every slice of the window under its lock.
     */
    public Map<String, BreakdownTotals> breakdown(Duration window, BreakdownDimension dimension) {
        long now = sliceIndex(clock.monotonicNanos());
        slices.expireBefore(now);
        Map<String, long[]> merged = new HashMap<>();
        for (TimeSlice slice : slices.latest(now, settings.slicesFor(window))) {
            slice.addBreakdownTo(dimension, merged);
        }
        Map<String, BreakdownTotals> totals = new LinkedHashMap<>();
        merged.forEach((value, counts) -> totals.put(value, BreakdownCounts.totals(counts)));
        return totals;
    }

    /** The models that generated anything in the last {@code window}, sorted. */
    public List<String> models(Duration window) {
        TreeSet<String> models = new TreeSet<>();
        long now = sliceIndex(clock.monotonicNanos());
        slices.expireBefore(now);
        for (TimeSlice slice : slices.latest(now, settings.slicesFor(window))) {
            models.addAll(slice.models());
        }
        return List.copyOf(models);
    }

    /** Whether a slice still kept has data for {@code model} (the name it is counted under). */
    public boolean retainsModel(String model) {
        return slices.models().contains(model);
    }

    /** The models some slice still kept has data for, unordered. */
    public List<String> retainedModels() {
        slices.expireBefore(sliceIndex(clock.monotonicNanos()));
        return slices.models().models();
    }

    /**
     * Up to {@code max} raw events within the retention, newest first; none when {@code max <= 0}.
     * Reads about {@code max} events, however many are kept.
     */
    public List<TelemetryEvent> events(int max) {
        return events.newest(max, clock.monotonicNanos() - retentionNanos, epoch, this::wallMillis);
    }

    /**
     * What has been counted since the store was made, per generator and model (see
     * {@link CumulativeTotals}): counters only grow from one snapshot to the next (but for two
     * taken at the same time: see {@link SinceStart}), and are not cleared by {@link #reset()}. Costs a read of every kept slice, never a wait for a
     * recording thread.
     */
    public CumulativeTotals cumulative() {
        slices.expireBefore(sliceIndex(clock.monotonicNanos()));
        return sinceStart.read(slices::all);
    }

    /**
     * Forgets every windowed count and event; what is recorded afterwards starts from zero there.
     * The totals since start ({@link #cumulative()}) keep what was counted.
     */
    public void reset() {
        slices.clear();
        epoch++;
    }

    /**
     * The calling thread's counts for the slice holding {@code nanos}. Moving to a new slice (once
     * per slice period, or after a reset) retires the counts of the old one; every other call is
     * a thread-local read and two comparisons.
     */
    private ThreadSlice at(ThreadSlice thread, long nanos) {
        if (nanos < thread.sliceStartNanos || nanos >= thread.sliceEndNanos || thread.epoch != epoch) {
            move(thread, nanos);
        }
        return thread;
    }

    private void move(ThreadSlice thread, long nanos) {
        if (thread.slice != null) {
            thread.slice.retire(thread);
        }
        thread.clear();
        long current = epoch;
        long index = sliceIndex(nanos);
        TimeSlice slice = slices.slice(index);
        thread.epoch = current;
        thread.slice = slice;
        thread.sliceStartNanos = originNanos + (index * resolutionNanos - originWallNanos);
        thread.sliceEndNanos = thread.sliceStartNanos + resolutionNanos;
        slice.join(thread);
        long expired = nanos - retentionNanos;
        if (thread.events != null) {
            thread.events.opened(thread.sliceEndNanos, expired);
        }
        events.dropExpired(expired);
        slices.expireBefore(index);
    }

    /**
     * Slices follow the monotonic clock, anchored to the wall clock when the store was made: no
     * wall-clock read per call, and a wall-clock step (NTP, a manual change) moves nothing.
     */
    private long sliceIndex(long nanos) {
        return Math.floorDiv(originWallNanos + (nanos - originNanos), resolutionNanos);
    }

    private long wallMillis(long nanos) {
        return Math.floorDiv(originWallNanos + (nanos - originNanos), 1_000_000L);
    }

    /** A raw event of rule {@code rule}; {@code generation} and {@code validation} may each be {@code null}. */
    private void event(ThreadSlice thread, EventType type, String rule, GenerationRecord generation,
                       ValidationRecord validation, long duration, long nanos) {
        if (!events.enabled()) {
            return;
        }
        boolean hasGeneration = generation != null;
        // everything that can fail is done before the slot is opened, so a write is never abandoned
        List<ErrorInfo> errors = validation != null ? kept(validation.errors) : List.of();
        List<String> dependencies = validation != null ? validation.detectedDependencies
                : hasGeneration && type == EventType.GENERATION_SUCCESS ? generation.dependencies
                : List.of();
        List<String> keptDependencies = kept(dependencies);
        ThreadEvents ring = eventsOf(thread);
        EventSlot slot = ring.next(thread.epoch, nanos, type, rule);
        if (type == EventType.GENERATION_SUCCESS || type == EventType.GENERATION_FAILURE) {
            slot.attemptOf(generation.attemptSequence, generation.entryCaptures);
        }
        slot.generation(
                        hasGeneration ? generation.model : null,
                        hasGeneration ? generation.projectId : null,
                        hasGeneration ? generation.functionName : null,
                        hasGeneration ? generation.promptLength : -1,
                        hasGeneration ? generation.codeLength : -1,
                        validation != null ? validation.attempt : hasGeneration ? generation.validations : 0,
                        hasGeneration ? generation.retries : 0,
                        hasGeneration && generation.validations > 0,
                        hasGeneration ? generation.failureType : null)
                .outcome(duration, errors, validation != null ? validation.reportedErrors() : 0, keptDependencies,
                        NameList.totalOf(dependencies))
                .publish();
    }

    private ThreadEvents eventsOf(ThreadSlice thread) {
        if (thread.events == null) {
            ThreadEvents ring = events.register();
            ring.opened(thread.sliceEndNanos, thread.sliceStartNanos - retentionNanos);
            thread.events = ring;
        }
        return thread.events;
    }

    /**
     * An immutable copy of the first {@code store.event-elements} of {@code list}: what one raw
     * event keeps. Free for the empty lists of the common path, and for a list of names that did
     * not change since the last event (see {@link NameList#snapshot}).
     */
    private <T> List<T> kept(List<T> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        int max = settings.eventElements();
        if (list instanceof NameList names) {
            @SuppressWarnings("unchecked") // a NameList is a List<String>, and so is T here
            List<T> snapshot = (List<T>) names.snapshot(max);
            return snapshot;
        }
        return List.copyOf(list.size() <= max ? list : list.subList(0, max));
    }
}
