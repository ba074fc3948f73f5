package io.genscope.runtime.store;

import io.genscope.runtime.time.Clock;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Where recorded generations, retries and validations go: exact counts in time slices (the
 * source of every analytic) plus a bounded ring of raw events (for export only).
 *
 * <p>Memory is bounded by the settings: the slice ring covers the retention, each slice holds
 * one tally overall, one per generation rule and at most {@code maxModels} per model, and each
 * keyed count is capped. Nothing older than the retention is kept or reported.
 *
 * <p>Thread-safe. Writers never block; queries read the counters while they move, so a
 * generation completing during a query may be half-counted in it (each counter is exact, the cut
 * across counters is not atomic).
 */
public final class TelemetryStore {

    private final TelemetrySettings settings;
    private final Clock clock;
    private final SliceRing slices;
    private final EventRing events;
    private final MessageSanitizer sanitizer;

    /**
     * @param rules     how many rules the advice may name (indexes 0..rules-1)
     * @param newModels told each time a model first appears in a time slice; must be cheap and not throw
     */
    public TelemetryStore(TelemetrySettings settings, int rules, Clock clock, Consumer<String> newModels) {
        this.settings = settings;
        this.clock = clock;
        this.slices = new SliceRing(settings, rules, clock, newModels);
        this.events = new EventRing(settings.eventRingSize());
        this.sanitizer = new MessageSanitizer(settings.errorMessageLength(), settings.redact());
    }

    public TelemetrySettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    /** An error as it may be kept: the type as given, the message bounded and redacted. */
    public ErrorInfo error(String type, String message) {
        return new ErrorInfo(type, sanitizer.sanitize(message));
    }

    public void generationStarted(GenerationRecord generation) {
        TimeSlice slice = slices.current();
        slice.total.generationStarted(generation);
        slice.rule(generation.rule).generationStarted(generation);
        slice.model(generation.model).generationStarted(generation);
        event(EventType.GENERATION_ATTEMPT, generation, null, 0);
    }

    /** A retry call started; {@code generation} is the one it belongs to, or {@code null}. */
    public void retryStarted(GenerationRecord generation, String retryRule) {
        TimeSlice slice = slices.current();
        slice.total.retryAttempts.increment();
        if (generation != null) {
            slice.rule(generation.rule).retryAttempts.increment();
            slice.model(generation.model).retryAttempts.increment();
            event(EventType.RETRY_ATTEMPT, generation, null, 0);
        } else if (events.enabled()) {
            events.add(new TelemetryEvent(events.nextSequence(), clock.wallMillis(), EventType.RETRY_ATTEMPT,
                    retryRule, null, null, null, -1, -1, 0, 0, 0, false, List.of(), List.of(), null));
        }
    }

    /** A validation ended; {@code generation} is the one it belongs to, or {@code null}. */
    public void validationCompleted(GenerationRecord generation, ValidationRecord validation) {
        TimeSlice slice = slices.current();
        slice.total.validationCompleted(validation);
        if (generation != null) {
            slice.rule(generation.rule).validationCompleted(validation);
            slice.model(generation.model).validationCompleted(validation);
        } else {
            slice.total.dependenciesDetected(validation);
        }
        if (!validation.ok) {
            event(EventType.VALIDATION_FAILURE, generation, validation, validation.durationNanos);
        }
    }

    public void generationCompleted(GenerationRecord generation) {
        TimeSlice slice = slices.current();
        slice.total.generationCompleted(generation);
        slice.rule(generation.rule).generationCompleted(generation);
        slice.model(generation.model).generationCompleted(generation);
        event(generation.succeeded() ? EventType.GENERATION_SUCCESS : EventType.GENERATION_FAILURE,
                generation, null, generation.durationNanos);
    }

    /** Sums {@code dimension} over the slices of the last {@code window}, at slice resolution. */
    public TallyTotals totals(Duration window, Dimension dimension) {
        TallyTotals totals = new TallyTotals();
        for (TimeSlice slice : slices.latest(settings.slicesFor(window))) {
            Tally tally = dimension.in(slice);
            if (tally != null) {
                totals.add(tally);
            }
        }
        return totals;
    }

    /** The models that generated anything in the last {@code window}, sorted. */
    public List<String> models(Duration window) {
        TreeSet<String> models = new TreeSet<>();
        for (TimeSlice slice : slices.latest(settings.slicesFor(window))) {
            slice.models().forEach(models::add);
        }
        return List.copyOf(models);
    }

    /** Up to {@code max} raw events within the retention, newest first. */
    public List<TelemetryEvent> events(int max) {
        return events.newest(max, clock.wallMillis() - settings.retention().toMillis());
    }

    /** Forgets every count and event; what is recorded afterwards starts from zero. */
    public void reset() {
        slices.clear();
        events.clear();
    }

    private void event(EventType type, GenerationRecord generation, ValidationRecord validation, long nanos) {
        if (!events.enabled()) {
            return;
        }
        boolean hasGeneration = generation != null;
        events.add(new TelemetryEvent(
                events.nextSequence(),
                clock.wallMillis(),
                type,
                validation != null ? validation.ruleName : generation.ruleName,
                hasGeneration ? generation.model : null,
                hasGeneration ? generation.projectId : null,
                hasGeneration ? generation.functionName : null,
                hasGeneration ? generation.promptLength : -1,
                hasGeneration && type != EventType.GENERATION_ATTEMPT ? generation.codeLength : -1,
                validation != null ? validation.attempt : hasGeneration ? generation.validations : 0,
                hasGeneration ? generation.retries : 0,
                nanos,
                hasGeneration && generation.validations > 0,
                validation != null ? List.copyOf(validation.errors) : List.of(),
                validation != null ? List.copyOf(validation.detectedDependencies)
                        : hasGeneration && type == EventType.GENERATION_SUCCESS ? List.copyOf(generation.dependencies)
                        : List.of(),
                hasGeneration ? generation.failureType : null));
    }
}
