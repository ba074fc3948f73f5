package io.genscope.runtime.store;

import io.genscope.runtime.capture.CapturedElements;
import io.genscope.runtime.capture.CapturedValues;
import io.genscope.runtime.privacy.ErrorMessages;
import io.genscope.runtime.privacy.ErrorTypes;
import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worst case {@link StoreFootprint} works out is what a store filled to its caps holds: a
 * store is filled (every slice, rule, model, key and event ring slot, every event's lists at
 * {@code event-elements} with messages kept in full, and a recording thread's capture buffers at
 * {@code max-elements}), every name, type and message cut by the store's own code to its real
 * cap and made of characters outside Latin-1, and the heap it keeps after a full GC is measured.
 * The figure must stay above what is measured, so it cannot drift below reality when a structure
 * grows, and within {@value #FACTOR} times of it, so it stays a figure worth checking a budget
 * against.
 */
class StoreFootprintTest {

    private static final int RULES = 3;
    private static final int FACTOR = 2;
    /** Not Latin-1, so a string of it takes two bytes a character, as the worst case counts. */
    private static final String WIDE = "\u540d";
    private static final Duration RESOLUTION = Duration.ofSeconds(1);
    private static final TelemetrySettings SETTINGS = settings(Duration.ofSeconds(20));

    private final ManualClock clock = new ManualClock();
    private int serial;
    /** The calling thread's reused records and collection buffer, as the recorder keeps them. */
    private final List<Object> captureBuffers = new ArrayList<>();

    @Test
    void aStoreFilledToItsCapsHoldsLessThanItsWorstCase() throws Throwable {
        StoreFootprint footprint = StoreFootprint.of(SETTINGS, RULES);
        long before = retainedHeap();
        TelemetryStore store = filledStore();
        long held = retainedHeap() - before;
        System.out.printf("StoreFootprintTest: measured %d bytes, estimated %d (%s)%n", held, footprint.totalBytes(),
                footprint.describe());

        assertThat(held).as("heap held by a full store; worst case %s", footprint.describe())
                .isLessThanOrEqualTo(footprint.totalBytes())
                .isGreaterThan(footprint.totalBytes() / FACTOR);
        assertThat(store.events(1)).hasSize(1); // keeps the store reachable until measured
        assertThat(captureBuffers).hasSize(3);
    }

    /**
     * The heap test above has a factor of slack, so a record that gains a field would not fail it:
     * the fields the estimate counts for the objects kept per thread are checked against the classes.
     */
    @Test
    void theObjectsKeptPerThreadAreCountedWithEveryFieldTheyHave() {
        assertThat(fields(GenerationRecord.class)).as("GenerationRecord: references, bytes of primitives")
                .containsExactly(StoreFootprint.GENERATION_RECORD_REFERENCES,
                        StoreFootprint.GENERATION_RECORD_PRIMITIVE_BYTES);
        assertThat(fields(ThreadSlice.class)).as("ThreadSlice: references, bytes of primitives")
                .containsExactly(StoreFootprint.THREAD_SLICE_REFERENCES, StoreFootprint.THREAD_SLICE_PRIMITIVE_BYTES);
    }

    /** The instance fields {@code type} declares: how many references, and how many bytes of primitives. */
    private static int[] fields(Class<?> type) {
        int references = 0;
        int primitiveBytes = 0;
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Class<?> kind = field.getType();
            if (!kind.isPrimitive()) {
                references++;
            } else {
                primitiveBytes += kind == long.class || kind == double.class ? 8
                        : kind == int.class || kind == float.class ? 4
                        : kind == short.class || kind == char.class ? 2 : 1;
            }
        }
        return new int[] {references, primitiveBytes};
    }

    @Test
    void everyBreakdownFullInEverySliceHoldsLessThanItsWorstCase() {
        TelemetrySettings settings = TestSettings.slices(RESOLUTION, Duration.ofSeconds(10), Duration.ofSeconds(20))
                .eventRingSize(0).breakdowns(new BreakdownCaps(6, 7, 8, 9)).build();
        StoreFootprint footprint = StoreFootprint.of(settings, 1, EnumSet.allOf(BreakdownDimension.class));
        long before = retainedHeap();
        TelemetryStore store = new TelemetryStore(settings, 1, clock, model -> { });
        for (int slice = 0; slice < settings.sliceCount(); slice++) {
            clock.advance(RESOLUTION);
            for (int value = 0; value <= 9 + 1; value++) {
                GenerationRecord generation = generation(0, "m");
                generation.variant = name();
                generation.userId = name();
                generation.promptCategory = name();
                generation.promptLength = value * 1000;
                generation.durationNanos = value * 1_000_000_000L;
                record(store, store.currentThread(), generation);
            }
        }
        store.cumulative(); // admits every value it reads, up to the caps, and keeps its snapshot
        long held = retainedHeap() - before;
        System.out.printf("StoreFootprintTest: breakdowns measured %d bytes, estimated %d (%d of it breakdowns)%n",
                held, footprint.totalBytes(), footprint.breakdownBytes());

        assertThat(held).isLessThanOrEqualTo(footprint.totalBytes()).isGreaterThan(footprint.breakdownBytes() / FACTOR);
        assertThat(store.breakdown(settings.retention(), BreakdownDimension.USER)).hasSize(
                settings.sliceCount() * 8 + 1); // keeps the store reachable until measured
        assertThat(StoreFootprint.of(settings, 1).breakdownBytes()).as("no dimension captured, none counted").isZero();
    }

    @Test
    void theBundledDefaultsWithAFewRulesFitTheDefaultBudget() {
        TelemetrySettings defaults = TelemetrySettings.defaults();

        assertThat(StoreFootprint.of(defaults, 4).totalBytes()).isLessThanOrEqualTo(defaults.maxMemory());
        StoreFootprint projects = StoreFootprint.of(defaults, 4, EnumSet.of(BreakdownDimension.PROJECT));
        StoreFootprint everyBreakdown = StoreFootprint.of(defaults, 2, EnumSet.allOf(BreakdownDimension.class));
        System.out.printf("StoreFootprintTest: defaults, 4 rules capturing project-id: %s; 2 rules capturing every"
                + " breakdown: %s%n", StoreFootprint.mib(projects.totalBytes()),
                StoreFootprint.mib(everyBreakdown.totalBytes()));
        assertThat(projects.totalBytes()).as("four rules capturing project-id, as configs did before breakdowns")
                .isLessThanOrEqualTo(defaults.maxMemory());
        assertThat(everyBreakdown.totalBytes()).as("two rules capturing every breakdown")
                .isLessThanOrEqualTo(defaults.maxMemory());
    }

    @Test
    void theWorstCaseAddsUpSlicesFixedPartAndOneThread() {
        StoreFootprint footprint = StoreFootprint.of(SETTINGS, RULES);

        assertThat(footprint.slices()).isEqualTo(20);
        assertThat(footprint.totalBytes()).isEqualTo(
                20 * footprint.perSliceBytes() + footprint.fixedBytes() + footprint.perThreadBytes());
        assertThat(StoreFootprint.of(settings(Duration.ofSeconds(40)), RULES).perSliceBytes())
                .as("a slice costs the same however many there are").isEqualTo(footprint.perSliceBytes());
    }

    @Test
    void aRequestRuleAddsTheHeldValidationsPerThreadAndTheRequestTotals() {
        TelemetrySettings defaults = TelemetrySettings.defaults();
        StoreFootprint without = StoreFootprint.of(defaults, 4);
        StoreFootprint with = StoreFootprint.of(defaults, 4, EnumSet.noneOf(BreakdownDimension.class), true);
        System.out.printf("StoreFootprintTest: defaults, 4 rules: %s, with a request rule %s%n",
                StoreFootprint.mib(without.totalBytes()), StoreFootprint.mib(with.totalBytes()));

        long perThread = with.captureBufferBytes() - without.captureBufferBytes();
        assertThat(perThread).as("a latest generation and the held validations, each at the caps")
                .isGreaterThan(RequestTotals.MAX_HELD_VALIDATIONS * (long) defaults.maxElements() * 16);
        assertThat(with.perThreadBytes() - without.perThreadBytes()).isEqualTo(perThread);
        assertThat(with.fixedBytes() - without.fixedBytes()).isGreaterThan(RequestTotals.BYTES);
        assertThat(with.perSliceBytes()).isEqualTo(without.perSliceBytes());
        assertThat(with.totalBytes()).as("the defaults with a request rule still fit the default budget")
                .isLessThanOrEqualTo(defaults.maxMemory());
    }

    @Test
    void eachOfStoreWindowsAddsAsManyKeptQuerySumsToTheFixedPart() {
        StoreFootprint none = StoreFootprint.of(TestSettings.defaults().build(), 4);
        StoreFootprint one = StoreFootprint.of(TestSettings.defaults().windows(Duration.ofMinutes(5)).build(), 4);
        StoreFootprint three = StoreFootprint.of(TestSettings.defaults()
                .windows(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1)).build(), 4);
        System.out.printf("StoreFootprintTest: defaults, 4 rules: %s with no window, %s with 3 windows%n",
                StoreFootprint.mib(none.totalBytes()), StoreFootprint.mib(three.totalBytes()));

        long perWindow = one.fixedBytes() - none.fixedBytes();
        assertThat(perWindow).isPositive();
        assertThat(three.fixedBytes() - none.fixedBytes()).isEqualTo(3 * perWindow);
        assertThat(three.perSliceBytes()).isEqualTo(none.perSliceBytes());
        assertThat(three.perThreadBytes()).isEqualTo(none.perThreadBytes());
        assertThat(three.totalBytes()).as("the defaults with three windows still fit the default budget")
                .isLessThanOrEqualTo(TelemetrySettings.defaults().maxMemory());
    }

    @Test
    void theLargestPartNamesTheSettingToLower() {
        TelemetrySettings bigRing = TestSettings.defaults().eventRingSize(1_000_000).build();
        TelemetrySettings manySlices = TestSettings.slices(Duration.ofMillis(100), Duration.ofHours(1),
                Duration.ofHours(2)).build();
        TelemetrySettings manyDependencies = TestSettings.defaults().maxDependencies(100_000).build();
        TelemetrySettings longEventLists = TestSettings.defaults().eventElements(1000).build();
        TelemetrySettings longReads = TestSettings.defaults().maxElements(100_000).build();

        assertThat(StoreFootprint.of(bigRing, 2).settingToLower(bigRing)).isEqualTo("store.event-ring-size");
        assertThat(StoreFootprint.of(manySlices, 2).settingToLower(manySlices)).startsWith("store.retention");
        assertThat(StoreFootprint.of(manyDependencies, 2).settingToLower(manyDependencies))
                .isEqualTo("store.max-dependencies");
        assertThat(StoreFootprint.of(longEventLists, 2).settingToLower(longEventLists))
                .isEqualTo("store.event-elements");
        assertThat(StoreFootprint.of(longReads, 2).settingToLower(longReads)).isEqualTo("store.max-elements");
        assertThat(StoreFootprint.of(TelemetrySettings.defaults(), 40).settingToLower(TelemetrySettings.defaults()))
                .as("nothing raised: the largest part").isEqualTo("store.max-error-types or store.max-failure-types");
    }

    /** Every slice full: each rule with every model past the cap, every key past its cap, and full events. */
    private TelemetryStore filledStore() throws Throwable {
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
            store.validationCompleted(thread, generation(0, name()), listedValidation(store), clock.monotonicNanos());
        }
        fillCaptureBuffers(store);
        for (int rule = 0; rule < RULES; rule++) {
            store.totals(SETTINGS.retention(), Dimension.rule(rule));
        }
        store.totals(SETTINGS.retention(), Dimension.all());
        store.cumulative(); // admits every name it reads, up to the caps, and keeps its snapshot
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
        ValidationRecord validation = failedValidation(store, SETTINGS.maxErrorTypes() + 1, 1);
        store.validationCompleted(thread, validated, validation, now);
        store.generationCompleted(thread, validated, now);
    }

    /** A failed validation outside any generation whose event keeps full lists. */
    private void unattributedValidation(TelemetryStore store, ThreadSlice thread) {
        store.validationCompleted(thread, null, listedValidation(store), clock.monotonicNanos());
    }

    /** A failed validation with more errors and detected dependencies than an event keeps. */
    private ValidationRecord listedValidation(TelemetryStore store) {
        ValidationRecord validation = failedValidation(store, SETTINGS.eventElements() + 1, 0);
        validation.detectedDependencies = names(SETTINGS.eventElements() + 1);
        return validation;
    }

    /**
     * A thread's records after their longest reads, as the recorder keeps them between calls (the
     * validation's errors as while it is recorded), and its collection buffer after a longest read.
     */
    private void fillCaptureBuffers(TelemetryStore store) throws Throwable {
        GenerationRecord generation = generation(0, name());
        generation.failureType = name();
        names(SETTINGS.maxElements()).forEach(generation.dependencyNames::append);
        generation.dependencies = generation.dependencyNames;
        ValidationRecord validation = failedValidation(store, SETTINGS.maxElements(), 1);
        names(SETTINGS.maxElements()).forEach(validation.detectedNames::append);
        validation.detectedDependencies = validation.detectedNames;
        store.generationStarted(store.currentThread(), generation, clock.monotonicNanos()); // takes its snapshot
        CapturedElements elements = new CapturedElements(SETTINGS.maxElements());
        elements.read(new Object[SETTINGS.maxElements()]);
        elements.clear();
        captureBuffers.addAll(List.of(generation, validation, elements));
    }

    /** A failed validation with {@code errors} errors made by the store, those an event keeps with a message. */
    private ValidationRecord failedValidation(TelemetryStore store, int errors, int attempt) {
        ValidationRecord validation = new ValidationRecord();
        validation.begin("compile", attempt);
        validation.ok = false;
        for (int i = 0; i < errors; i++) {
            ErrorInfo error = store.error(serial++ + WIDE.repeat(ErrorTypes.MAX_LENGTH * 2), null,
                    i < SETTINGS.eventElements() ? serial++ + WIDE.repeat(SETTINGS.errorMessageLength() * 2) : null);
            assertThat(error.type()).hasSize(ErrorTypes.MAX_KEPT_LENGTH);
            validation.errors.add(error);
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

    /** A new name, distinct from every other, cut by the capture code to the longest kept. */
    private String name() {
        String name = CapturedValues.name(serial++ + WIDE.repeat(CapturedValues.MAX_NAME_LENGTH));
        assertThat(name).hasSize(CapturedValues.MAX_NAME_LENGTH);
        return name;
    }

    /** Small caps, every one of them reached by {@link #filledStore}; messages kept in full. */
    private static TelemetrySettings settings(Duration retention) {
        return TestSettings.slices(RESOLUTION, Duration.ofSeconds(10), retention)
                .maxModels(4).maxDependencies(40).maxErrorTypes(20).maxFailureTypes(10).eventRingSize(300)
                .errorMessageLength(100).errorMessages(ErrorMessages.FULL).maxElements(2000).eventElements(7).build();
    }

    private static long retainedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
