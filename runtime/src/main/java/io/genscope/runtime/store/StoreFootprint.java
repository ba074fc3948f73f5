package io.genscope.runtime.store;

import java.util.Locale;
import java.util.Map;

/**
 * The most heap a store of given settings can hold, worked out from its structures at their caps:
 * every slice of the retention full (every rule and {@code max-models} models plus "(other)"
 * counted, each with {@code max-dependencies}, {@code max-error-types} and
 * {@code max-failure-types} distinct keys), every kept query sum full, and one recording thread
 * with its counts and a full event ring. The agent checks it against {@code store.max-memory}
 * when it reads the config, and prints it.
 *
 * <p>Sizes follow HotSpot's layout with compressed references (heaps under 32 GB): 12-byte object
 * headers, 4-byte references, 8-byte alignment; references take 8 bytes on larger heaps. Names
 * and keys captured from the host (models, dependencies, error and failure types, project and
 * function names) are counted as {@value #ASSUMED_NAME_CHARS}-character strings, each list an
 * event keeps as {@value #ASSUMED_LIST_ELEMENTS} elements, and messages at
 * {@code error-message-length}. {@code StoreFootprintTest} fills a store to its caps and checks
 * that the heap it holds stays below this figure.
 *
 * <p><b>Note:</b> each further thread recording at the same time adds {@link #perThreadBytes()}:
 * its own counts for the slice it records into and its event ring. Threads that end hand their
 * counts over and leave their ring to the next thread, so this grows with the threads recording
 * at once, not with the threads ever started.
 *
 * @param slices                   how many slices the retention keeps
 * @param perSliceBytes            one slice at its caps
 * @param perSliceDependencyBytes  the dependency tallies part of {@code perSliceBytes}
 * @param perSliceTypeBytes        the error and failure type counts part of {@code perSliceBytes}
 * @param fixedBytes               what does not grow with the slices: the kept query sums, the
 *                                 retained model names, the slice ring
 * @param perThreadBytes           one recording thread: its counts and its event ring
 * @param perThreadDependencyBytes the dependency tallies part of {@code perThreadBytes}
 * @param eventRingBytes           the event ring part of {@code perThreadBytes}
 */
public record StoreFootprint(long slices, long perSliceBytes, long perSliceDependencyBytes, long perSliceTypeBytes,
                             long fixedBytes, long perThreadBytes, long perThreadDependencyBytes,
                             long eventRingBytes) {

    /** Characters assumed for each name or key captured from the host. */
    static final int ASSUMED_NAME_CHARS = 64;
    /** Elements assumed for each list (errors, dependencies) an event keeps. */
    static final int ASSUMED_LIST_ELEMENTS = 16;

    private static final String EVENTS = "store.event-ring-size";
    private static final String DEPENDENCIES = "store.max-dependencies";
    private static final String TYPES = "store.max-error-types or store.max-failure-types";
    private static final String MODELS = "store.max-models";
    private static final String SLICES = "store.retention (or raise store.resolution)";

    /**
     * The worst case of {@code settings} with one recording thread.
     *
     * @param generationRules the rules of role {@code generation}: each is counted on its own
     */
    public static StoreFootprint of(TelemetrySettings settings, int generationRules) {
        Sizes sizes = new Sizes(Runtime.getRuntime().maxMemory() >= 32L << 30 ? 8 : 4);
        return new Estimate(settings, generationRules, sizes).footprint();
    }

    /** Slices, the fixed part and one recording thread. */
    public long totalBytes() {
        return slices * perSliceBytes + fixedBytes + perThreadBytes;
    }

    /** The footprint in one line, for the agent's start-up log. */
    public String describe() {
        return String.format(Locale.ROOT, "%s worst case: %d slices × %s, %s of query sums and names, %s per"
                        + " recording thread (%s of it its event ring)",
                mib(totalBytes()), slices, kib(perSliceBytes), mib(fixedBytes), mib(perThreadBytes),
                mib(eventRingBytes));
    }

    /**
     * The setting to lower first when the worst case is over the budget, as the config spells
     * it: the one raised furthest above its default, or, when none is, the one whose part of the
     * worst case is largest.
     */
    public String settingToLower(TelemetrySettings settings) {
        TelemetrySettings defaults = TelemetrySettings.defaults();
        Map<String, Double> raised = Map.of(
                EVENTS, ratio(settings.eventRingSize(), defaults.eventRingSize()),
                DEPENDENCIES, ratio(settings.maxDependencies(), defaults.maxDependencies()),
                TYPES, ratio(settings.maxErrorTypes() + settings.maxFailureTypes(),
                        defaults.maxErrorTypes() + defaults.maxFailureTypes()),
                MODELS, ratio(settings.maxModels(), defaults.maxModels()),
                SLICES, ratio(slices, defaults.sliceCount()));
        Map.Entry<String, Double> furthest = raised.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        if (furthest.getValue() > 1) {
            return furthest.getKey();
        }
        Map<String, Long> parts = Map.of(
                EVENTS, eventRingBytes,
                DEPENDENCIES, slices * perSliceDependencyBytes + perThreadDependencyBytes,
                TYPES, slices * perSliceTypeBytes,
                SLICES, slices * (perSliceBytes - perSliceDependencyBytes - perSliceTypeBytes));
        return parts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static double ratio(long value, long defaultValue) {
        return (double) value / Math.max(1, defaultValue);
    }

    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }

    /** Object and array sizes of this JVM's layout. */
    record Sizes(int reference) {

        private static final int HEADER = 12;
        private static final int ARRAY_HEADER = 16;

        /** An object with {@code fieldBytes} of fields. */
        long object(long fieldBytes) {
            return align(HEADER + fieldBytes);
        }

        /** An object with {@code references} reference fields and {@code primitiveBytes} of others. */
        long object(int references, long primitiveBytes) {
            return object((long) references * reference + primitiveBytes);
        }

        long array(long elementBytes, long length) {
            return align(ARRAY_HEADER + elementBytes * length);
        }

        long references(long length) {
            return array(reference, length);
        }

        /** A Latin-1 string of {@code chars} characters. */
        long string(long chars) {
            return object(1, 4 + 2) + array(1, chars);
        }

        /** A {@code HashMap} or {@code HashSet} of {@code entries}, without keys and values. */
        long hashMap(long entries) {
            return object(4, 4 * 4) + references(tableLength(entries)) + entries * object(3, 4);
        }

        /** A {@code ConcurrentHashMap} of {@code entries}, without keys and values. */
        long concurrentHashMap(long entries) {
            return object(8, 4 * 4 + 8) + references(tableLength(entries)) + entries * object(3, 4);
        }

        private static long tableLength(long entries) {
            return Math.max(16, Long.highestOneBit(Math.max(1, entries * 4 / 3 + 1)) << 1);
        }

        private static long align(long bytes) {
            return (bytes + 7) & ~7L;
        }
    }

    /** The sums, structure by structure, mirroring the classes they count. */
    private record Estimate(TelemetrySettings settings, int rules, Sizes sizes) {

        StoreFootprint footprint() {
            long slices = settings.sliceCount();
            long ring = eventRing();
            long dependencies = dimensions() * keyTally(settings.maxDependencies() + 1L);
            return new StoreFootprint(slices, slice(), dependencies, dimensions() * keyedCounts(), fixed(slices),
                    thread() + ring, dependencies, ring);
        }

        /** Counted dimensions per slice or thread: overall, each rule, each model and "(other)". */
        private long dimensions() {
            return 1L + rules + settings.maxModels() + 1;
        }

        private long name() {
            return sizes.string(ASSUMED_NAME_CHARS);
        }

        /** One {@link TimeSlice} at its caps. */
        private long slice() {
            long models = settings.maxModels() + 1L;
            return sizes.object(12, 8 * 3 + 4 + 1)
                    + sizes.object(2, 8) + sizes.references(10)
                    + dimensions() * (counts() + keyedCounts())
                    + sizes.references(rules) + sizes.object(1, 0) + sizes.references(rules)
                    + sizes.hashMap(models) + sizes.concurrentHashMap(models) + sizes.hashMap(models)
                    + models * name();
        }

        /** One {@link Counts} with its dependency tally full. */
        private long counts() {
            return sizes.object(2, 0) + sizes.array(8, Counts.SIZE) + keyTally(settings.maxDependencies() + 1L);
        }

        private long keyTally(long keys) {
            long length = Math.max(8, Long.highestOneBit(keys * 2 - 1) << 1);
            return sizes.object(1, 8) + sizes.object(2, 0) + sizes.references(length) + sizes.array(8, length)
                    + keys * name();
        }

        private long keyedCounts() {
            return sizes.object(2, 0) + keyedCounter(settings.maxErrorTypes() + 1L)
                    + keyedCounter(settings.maxFailureTypes() + 1L);
        }

        /** A {@link KeyedCounter} full: its map, one {@code AtomicLong} and one name per key. */
        private long keyedCounter(long keys) {
            return sizes.object(1, 4) + sizes.concurrentHashMap(keys) + keys * (sizes.object(0, 8) + name());
        }

        /**
         * The kept query sums (see {@link SettledTotals}) and the names of models still kept: at
         * most {@code max-models + 1} per slice.
         */
        private long fixed(long slices) {
            long kept = (long) SettledTotals.capacity(rules, settings.maxModels());
            long keys = SettledTotals.maxKeptKeys(settings);
            long sum = sizes.object(3, 0) + sizes.array(8, slices) + sizes.references(slices)
                    + slices * sizes.object(0, 16)
                    + sizes.object(4, 0) + sizes.array(8, Counts.SIZE)
                    + 3 * sizes.object(1, 0) + sizes.hashMap(keys) + keys * sizes.array(8, 1);
            long retainedModels = slices * (settings.maxModels() + 1);
            return kept * (sum + sizes.object(4, 8))
                    + sizes.concurrentHashMap(retainedModels) + retainedModels * (sizes.object(0, 4) + name())
                    + sizes.references(slices);
        }

        /** One recording thread's {@link ThreadSlice}: its counts in every dimension. */
        private long thread() {
            return sizes.object(8, 8 * 4 + 4) + sizes.object(1, 0) + sizes.references(rules)
                    + dimensions() * (counts() + sizes.object(3, 0)) + sizes.references(settings.maxModels() + 1L);
        }

        /** One {@link ThreadEvents} ring full of events that each keep full lists and names. */
        private long eventRing() {
            long capacity = settings.eventRingSize();
            if (capacity == 0) {
                return 0;
            }
            long slot = sizes.object(8, 8 * 6 + 4 * 4 + 1);
            long list = sizes.object(1, 0) + sizes.references(ASSUMED_LIST_ELEMENTS);
            long error = sizes.object(2, 0) + name() + sizes.string(settings.errorMessageLength());
            long event = slot + 3 * name() + 2 * list + ASSUMED_LIST_ELEMENTS * (error + name());
            return sizes.object(3, 8 * 3 + 4 * 2) + sizes.object(1, 4) + sizes.references(capacity)
                    + capacity * event;
        }
    }
}
