package io.genscope.runtime.testing;

import io.genscope.runtime.store.GenerationRecord;
import io.genscope.runtime.store.TelemetryStore;
import io.genscope.runtime.store.ValidationRecord;

import java.time.Duration;
import java.util.List;

/** Records written straight into a {@link TelemetryStore}, for tests of the store without a recorder. */
public final class Records {

    private Records() {
    }

    /** A generation of rule 0 ("generate") by {@code model}, not yet completed. */
    public static GenerationRecord generation(String model) {
        return generation(0, model);
    }

    /** A generation of rule {@code rule} by {@code model}, not yet completed. */
    public static GenerationRecord generation(int rule, String model) {
        GenerationRecord generation = new GenerationRecord();
        generation.begin(rule, rule == 0 ? "generate" : "generate" + rule, 0);
        generation.model = model;
        return generation;
    }

    /**
     * Completes {@code generation} at the store clock's current time, having started it its
     * duration before, as the recorder does.
     */
    public static void record(TelemetryStore store, GenerationRecord generation) {
        long now = store.clock().monotonicNanos();
        store.generationStarted(store.currentThread(), generation, now - generation.durationNanos);
        store.generationCompleted(store.currentThread(), generation, now);
    }

    /** A successful generation of {@code model} taking {@code duration}, recorded now. */
    public static void success(TelemetryStore store, String model, Duration duration) {
        GenerationRecord generation = generation(model);
        generation.durationNanos = duration.toNanos();
        record(store, generation);
    }

    /** A successful generation of {@code model} whose code uses {@code dependencies}, recorded now. */
    public static void successUsing(TelemetryStore store, String model, String... dependencies) {
        GenerationRecord generation = generation(model);
        generation.dependencies = List.of(dependencies);
        record(store, generation);
    }

    /** A generation of {@code model} that threw {@code failureType}, recorded now. */
    public static void failure(TelemetryStore store, String model, String failureType) {
        GenerationRecord generation = generation(model);
        generation.failureType = failureType;
        record(store, generation);
    }

    /** A failed validation outside any generation with one error per type, recorded now. */
    public static void failedValidation(TelemetryStore store, String... errorTypes) {
        ValidationRecord validation = new ValidationRecord();
        validation.begin("compile", 0);
        validation.ok = false;
        for (String type : errorTypes) {
            validation.errors.add(store.error(type, null, null));
        }
        store.validationCompleted(store.currentThread(), null, validation, store.clock().monotonicNanos());
    }
}
