package io.genscope.runtime.store;

import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worst case {@link StoreFootprint} works out is what a store filled to its caps holds: a
 * store is filled (every slice, rule, model, key and event ring slot, names and lists at the
 * footprint's assumed sizes) and the heap it keeps after a full GC is measured. The figure must
 * stay above what is measured, so it cannot drift below reality when a structure grows, and
 * within three times of it, so it stays a figure worth checking a budget against.
 */
class StoreFootprintTest {

    private static final int RULES = 3;
    private static final Duration RESOLUTION = Duration.ofSeconds(1);
    private static final TelemetrySettings SETTINGS = TestSettings.slices(RESOLUTION, Duration.ofSeconds(10),
                    Duration.ofSeconds(20))
            .maxModels(4).maxDependencies(40).maxErrorTypes(20).maxFailureTypes(10).eventRingSize(300)
            .errorMessageLength(100).build();

    private final ManualClock clock = new ManualClock();
    private int serial;

    @Test
    void aStoreFilledToItsCapsHoldsLessThanItsWorstCase() {
        StoreFootprint footprint = StoreFootprint.of(SETTINGS, RULES);
        long before = retainedHeap();
        TelemetryStore store = filledStore();
        long held = retainedHeap() - before;

        assertThat(held).as("heap held by a full store; worst case %s", footprint.describe())
                .isLessThanOrEqualTo(footprint.totalBytes())
                .isGreaterThan(footprint.totalBytes() / 3);
        assertThat(store.events(1)).hasSize(1); // keeps the store reachable until measured
    }

    @Test
    void theBundledDefaultsWithAFewRulesFitTheDefaultBudget() {
        TelemetrySettings defaults = TelemetrySettings.defaults();

        assertThat(StoreFootprint.of(defaults, 4).totalBytes()).isLessThanOrEqualTo(defaults.maxMemory());
    }

    @Test
    void theWorstCaseAddsUpSlicesFixedPartAndOneThread() {
        StoreFootprint footprint = StoreFootprint.of(SETTINGS, RULES);

        assertThat(footprint.slices()).isEqualTo(20);
        assertThat(footprint.totalBytes()).isEqualTo(
                20 * footprint.perSliceBytes() + footprint.fixedBytes() + footprint.perThreadBytes());
        assertThat(StoreFootprint.of(TestSettings.slices(RESOLUTION, Duration.ofSeconds(10), Duration.ofSeconds(40))
                .maxModels(4).maxDependencies(40).maxErrorTypes(20).maxFailureTypes(10).eventRingSize(300)
                .errorMessageLength(100).build(), RULES).perSliceBytes())
                .as("a slice costs the same however many there are").isEqualTo(footprint.perSliceBytes());
    }

    @Test
    void theLargestPartNamesTheSettingToLower() {
        TelemetrySettings bigRing = TestSettings.defaults().eventRingSize(1_000_000).build();
        TelemetrySettings manySlices = TestSettings.slices(Duration.ofMillis(100), Duration.ofHours(1),
                Duration.ofHours(2)).build();
        TelemetrySettings manyDependencies = TestSettings.defaults().maxDependencies(100_000).build();

        assertThat(StoreFootprint.of(bigRing, 2).settingToLower(bigRing)).isEqualTo("store.event-ring-size");
        assertThat(StoreFootprint.of(manySlices, 2).settingToLower(manySlices)).startsWith("store.retention");
        assertThat(StoreFootprint.of(manyDependencies, 2).settingToLower(manyDependencies))
                .isEqualTo("store.max-dependencies");
        assertThat(StoreFootprint.of(TelemetrySettings.defaults(), 40).settingToLower(TelemetrySettings.defaults()))
                .as("nothing raised: the largest part").isEqualTo("store.max-dependencies");
    }

    /** Every slice full: each rule with every model past the cap, every key past its cap, and full events. */
    private TelemetryStore filledStore() {
        TelemetryStore store = new TelemetryStore(SETTINGS, RULES, clock, model -> { });
        ThreadSlice thread = store.currentThread();
        for (int slice = 0; slice < SETTINGS.sliceCount(); slice++) {
            if (slice > 0) {
                clock.advance(RESOLUTION);
            }
            for (int rule = 0; rule < RULES; rule++) {
                for (int model = 0; model <= SETTINGS.maxModels() + 1; model++) {
                    fillDimension(store, thread, rule, name());
                }
            }
            unattributedValidation(store, thread);
        }
        for (int i = 0; i < SETTINGS.eventRingSize(); i++) {
            unattributedValidation(store, thread);
        }
        for (int rule = 0; rule < RULES; rule++) {
            store.totals(SETTINGS.retention(), Dimension.rule(rule));
        }
        store.totals(SETTINGS.retention(), Dimension.all());
        store.models(SETTINGS.retention()).forEach(model -> store.totals(SETTINGS.retention(), Dimension.model(model)));
        return store;
    }

    /** Generations of {@code rule} and {@code model}: with every dependency, every failure type, every error type. */
    private void fillDimension(TelemetryStore store, ThreadSlice thread, int rule, String model) {
        GenerationRecord generation = generation(rule, model);
        generation.dependencies = names(SETTINGS.maxDependencies() + 1);
        record(store, thread, generation);
        for (int failure = 0; failure <= SETTINGS.maxFailureTypes(); failure++) {
            GenerationRecord failed = generation(rule, model);
            failed.failureType = name();
            record(store, thread, failed);
        }
        GenerationRecord validated = generation(rule, model);
        long now = clock.monotonicNanos();
        store.generationStarted(thread, validated, now);
        ValidationRecord validation = failedValidation(SETTINGS.maxErrorTypes() + 1, 1);
        store.validationCompleted(thread, validated, validation, now);
        store.generationCompleted(thread, validated, now);
    }

    /** A failed validation outside any generation whose event keeps full lists. */
    private void unattributedValidation(TelemetryStore store, ThreadSlice thread) {
        ValidationRecord validation = failedValidation(StoreFootprint.ASSUMED_LIST_ELEMENTS, 0);
        validation.detectedDependencies = names(StoreFootprint.ASSUMED_LIST_ELEMENTS);
        store.validationCompleted(thread, null, validation, clock.monotonicNanos());
    }

    private ValidationRecord failedValidation(int errors, int attempt) {
        ValidationRecord validation = new ValidationRecord();
        validation.begin("compile", attempt);
        validation.ok = false;
        for (int i = 0; i < errors; i++) {
            validation.errors.add(new ErrorInfo(name(), "m".repeat(SETTINGS.errorMessageLength() - 8) + name().substring(0, 8)));
        }
        return validation;
    }

    private GenerationRecord generation(int rule, String model) {
        GenerationRecord generation = new GenerationRecord();
        generation.begin(rule, "rule" + rule, clock.monotonicNanos());
        generation.model = model;
        generation.projectId = name();
        generation.functionName = name();
        return generation;
    }

    private void record(TelemetryStore store, ThreadSlice thread, GenerationRecord generation) {
        long now = clock.monotonicNanos();
        store.generationStarted(thread, generation, now);
        store.generationCompleted(thread, generation, now);
    }

    private List<String> names(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(name());
        }
        return List.copyOf(names);
    }

    /** A new string of the footprint's assumed length, distinct from every other. */
    private String name() {
        String number = Integer.toString(serial++);
        return "k".repeat(StoreFootprint.ASSUMED_NAME_CHARS - number.length()) + number;
    }

    private static long retainedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
