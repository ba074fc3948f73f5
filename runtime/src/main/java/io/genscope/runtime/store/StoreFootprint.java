package io.genscope.runtime.store;

import io.genscope.runtime.capture.CapturedValues;
import io.genscope.runtime.privacy.ErrorTypes;
import io.genscope.runtime.privacy.MessageSanitizer;

import java.util.Map;
import java.util.Set;

/**
 * The most heap a store of given settings can hold, worked out from its structures at their caps:
 * every slice of the retention full (every rule and {@code max-models} models plus "(other)"
 * counted, each with {@code max-dependencies}, {@code max-error-types} and
 * {@code max-failure-types} distinct keys), every kept query sum full, and one recording thread
 * with its counts, its capture buffers and a full event ring. The agent checks it against
 * {@code store.max-memory} when it reads the config, and prints it.
 *
 * <p>Sizes follow HotSpot's layout with compressed references (heaps under 32 GB): 12-byte object
 * headers, 4-byte references, 8-byte alignment; references take 8 bytes on larger heaps. Every
 * string is counted at its cap and at two bytes a character: a host's name may hold any character
 * (a string of Latin-1 characters only takes one byte each), and a cut error type or message ends
 * in "…", which is not Latin-1. The caps are those the code applies: names captured from the
 * host (models, dependencies, project and function names, failure types) are cut to
 * {@value CapturedValues#MAX_NAME_LENGTH} characters, error types to
 * {@link ErrorTypes#MAX_KEPT_LENGTH} (101), messages to {@code error-message-length} + 1 and kept only
 * when {@code error-messages} is not {@code none}; a raw event keeps at most
 * {@code event-elements} errors and dependencies, and a thread reads at most
 * {@code max-elements} of a captured collection into buffers it keeps. {@code StoreFootprintTest}
 * fills a store to these caps and checks that the heap it holds stays below this figure.
 *
 * <p><b>Note:</b> each further thread recording at the same time adds {@link #perThreadBytes()}:
 * its own counts for the slice it records into, its capture buffers and its event ring. Threads
 * that end hand their counts over and leave their ring to the next thread, so this grows with the
 * threads recording at once, not with the threads ever started.
 *
 * @param slices                   how many slices the retention keeps
 * @param perSliceBytes            one slice at its caps
 * @param perSliceDependencyBytes  the dependency tallies part of {@code perSliceBytes}
 * @param perSliceTypeBytes        the error and failure type counts part of {@code perSliceBytes}
 * @param fixedBytes               what does not grow with the slices: the kept query sums, the
 *                                 retained model names, the slice ring, the totals since start
 * @param perThreadBytes           one recording thread: its counts, capture buffers and event ring
 * @param perThreadDependencyBytes the dependency tallies part of {@code perThreadBytes}
 * @param eventRingBytes           the event ring part of {@code perThreadBytes}
 * @param eventElementBytes        the part of {@code eventRingBytes} in the events' error and
 *                                 dependency lists ({@code event-elements})
 * @param captureBufferBytes       the part of {@code perThreadBytes} in the buffers a thread reads
 *                                 captured collections into ({@code max-elements})
 * @param breakdownBytes           the breakdown rows of the captured dimensions in every slice and
 *                                 in one recording thread, part of the slices' and the thread's bytes
 */
public record StoreFootprint(long slices, long perSliceBytes, long perSliceDependencyBytes, long perSliceTypeBytes,
                             long fixedBytes, long perThreadBytes, long perThreadDependencyBytes,
                             long eventRingBytes, long eventElementBytes, long captureBufferBytes,
                             long breakdownBytes) {

    /** The most arguments a JVM method has: the bound of a thread's reused argument array. */
    private static final int MAX_ARGUMENTS = 255;

    private static final String EVENTS = "store.event-ring-size";
    private static final String EVENT_ELEMENTS = "store.event-elements";
    private static final String MAX_ELEMENTS = "store.max-elements";
    private static final String DEPENDENCIES = "store.max-dependencies";
    private static final String TYPES = "store.max-error-types or store.max-failure-types";
    private static final String MODELS = "store.max-models";
    private static final String SLICES = "store.retention (or raise store.resolution)";
    private static final String BREAKDOWNS = "store.max-variants, max-projects, max-users or max-prompt-categories";

    /**
     * The worst case of {@code settings} with one recording thread.
     *
     * @param generationRules the rules of role {@code generation}: each is counted on its own
     */
    public static StoreFootprint of(TelemetrySettings settings, int generationRules) {
        return of(settings, generationRules, Set.of(), false);
    }

    /**
     * The worst case of {@code settings} with one recording thread, when the generation rules
     * capture the breakdown dimensions {@code breakdowns}: each adds, per slice and per recording
     * thread, its cap plus "(other)" rows ({@link BreakdownCounts}) and names.
     */
    public static StoreFootprint of(TelemetrySettings settings, int generationRules,
                                    Set<BreakdownDimension> breakdowns) {
        return of(settings, generationRules, breakdowns, false);
    }

    /**
     * The worst case of {@code settings} with one recording thread, with the breakdown dimensions
     * {@code breakdowns}, and when {@code requests} (a rule has the role {@code request}) the
     * request totals and, per thread, what its request holds: its latest generation and
     * {@value RequestTotals#MAX_HELD_VALIDATIONS} validations, each at its caps.
     */
    public static StoreFootprint of(TelemetrySettings settings, int generationRules,
                                    Set<BreakdownDimension> breakdowns, boolean requests) {
        Sizes sizes = new Sizes(Runtime.getRuntime().maxMemory() >= 32L << 30 ? 8 : 4);
        return new Estimate(settings, generationRules, Set.copyOf(breakdowns), requests, sizes).footprint();
    }

    /** Slices, the fixed part and one recording thread. */
    public long totalBytes() {
        return slices * perSliceBytes + fixedBytes + perThreadBytes;
    }

    /** The footprint in one line, for the agent's start-up log. */
    public String describe() {
        return mib(totalBytes()) + " worst case: " + slices + " slices × " + kib(perSliceBytes) + ", "
                + mib(fixedBytes) + " of query sums and names, " + mib(perThreadBytes) + " per recording thread ("
                + mib(eventRingBytes) + " of it its event ring, " + mib(captureBufferBytes) + " its capture buffers)";
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
                EVENT_ELEMENTS, ratio(settings.eventElements(), defaults.eventElements()),
                MAX_ELEMENTS, ratio(settings.maxElements(), defaults.maxElements()),
                DEPENDENCIES, ratio(settings.maxDependencies(), defaults.maxDependencies()),
                TYPES, ratio(settings.maxErrorTypes() + settings.maxFailureTypes(),
                        defaults.maxErrorTypes() + defaults.maxFailureTypes()),
                MODELS, ratio(settings.maxModels(), defaults.maxModels()),
                SLICES, ratio(slices, defaults.sliceCount()),
                BREAKDOWNS, breakdownBytes == 0 ? 0 : ratio(breakdownCaps(settings.breakdowns()),
                        breakdownCaps(defaults.breakdowns())));
        Map.Entry<String, Double> furthest = raised.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        if (furthest.getValue() > 1) {
            return furthest.getKey();
        }
        Map<String, Long> parts = Map.of(
                EVENTS, eventRingBytes - eventElementBytes,
                EVENT_ELEMENTS, eventElementBytes,
                MAX_ELEMENTS, captureBufferBytes,
                DEPENDENCIES, slices * perSliceDependencyBytes + perThreadDependencyBytes,
                TYPES, slices * perSliceTypeBytes,
                BREAKDOWNS, breakdownBytes,
                SLICES, slices * (perSliceBytes - perSliceDependencyBytes - perSliceTypeBytes) - breakdownBytes);
        return parts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static long breakdownCaps(BreakdownCaps caps) {
        return (long) caps.maxVariants() + caps.maxProjects() + caps.maxUsers() + caps.maxPromptCategories();
    }

    private static double ratio(long value, long defaultValue) {
        return (double) value / Math.max(1, defaultValue);
    }

    private static final long MIB = 1 << 20;
    private static final long KIB = 1 << 10;

    /**
     * Bytes in MB with one decimal, rounded half up, as {@code String.format("%.1f MB")} prints
     * them: in plain arithmetic because the formatter's first use costs several milliseconds of
     * the agent's start-up, where this prints the store-memory line.
     */
    public static String mib(long bytes) {
        long tenths = bytes / MIB * 10 + roundedHalfUp(bytes % MIB * 10, MIB);
        return tenths / 10 + "." + tenths % 10 + " MB";
    }

    /** Bytes in whole KB, rounded half up, as {@code String.format("%.0f KB")} prints them. */
    static String kib(long bytes) {
        return bytes / KIB + roundedHalfUp(bytes % KIB, KIB) + " KB";
    }

    /** {@code numerator / unit} rounded half up, for {@code 0 <= numerator < 10 * unit}. */
    private static long roundedHalfUp(long numerator, long unit) {
        return (numerator + unit / 2) / unit;
    }

    /**
     * The fields of a {@link GenerationRecord}: 10 references, 7 ints, 3 longs and 2 booleans
     * ({@code StoreFootprintTest} checks them against the class).
     */
    static final int GENERATION_RECORD_REFERENCES = 10;
    static final int GENERATION_RECORD_PRIMITIVE_BYTES = 4 * 7 + 8 * 3 + 2;
    /** The fields of a {@link ThreadSlice}: 8 references, 4 longs and 2 ints (checked the same way). */
    static final int THREAD_SLICE_REFERENCES = 8;
    static final int THREAD_SLICE_PRIMITIVE_BYTES = 8 * 4 + 4 * 2;

    /** Object and array sizes of this JVM's layout. */
    record Sizes(int reference) {

        private static final int HEADER = 12;
        private static final int ARRAY_HEADER = 16;
        /**
         * What {@code @Contended} adds to an object of the boot class path (where the agent puts the
         * runtime): HotSpot pads its fields on both sides by {@code ContendedPaddingWidth}, 128 bytes.
         */
        static final int CONTENDED_PADDING = 2 * 128;

        /** An object with {@code fieldBytes} of fields. */
        long object(long fieldBytes) {
            return align(HEADER + fieldBytes);
        }

        /** An object with {@code references} reference fields and {@code primitiveBytes} of others. */
        long object(int references, long primitiveBytes) {
            return object((long) references * reference + primitiveBytes);
        }

        /** {@link #object(int, long)} for a class marked {@code @Contended}. */
        long contended(int references, long primitiveBytes) {
            return object(references, primitiveBytes) + CONTENDED_PADDING;
        }

        long array(long elementBytes, long length) {
            return align(ARRAY_HEADER + elementBytes * length);
        }

        long references(long length) {
            return array(reference, length);
        }

        /** A string of {@code chars} characters, at two bytes each (not all Latin-1). */
        long string(long chars) {
            return object(1, 4 + 2) + array(2, chars);
        }

        /** The capacity of an {@code ArrayList} grown one element at a time to {@code elements}. */
        long arrayList(long elements) {
            long capacity = elements == 0 ? 0 : 10;
            while (capacity < elements) {
                capacity += Math.max(1, capacity >> 1);
            }
            return object(1, 4 + 4) + references(capacity);
        }

        /** An immutable list of {@code elements}, as {@code List.copyOf} makes. */
        long immutableList(long elements) {
            return object(2, 4) + references(elements);
        }

        /** A {@code HashMap} or {@code HashSet} of {@code entries}, without keys and values. */
        long hashMap(long entries) {
            return object(4, 4 * 4) + references(tableLength(entries)) + entries * object(3, 4);
        }

        /** A {@code LinkedHashMap} of {@code entries}, without keys and values. */
        long linkedHashMap(long entries) {
            return object(6, 4 * 4 + 1) + references(tableLength(entries)) + entries * object(5, 4);
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
    private record Estimate(TelemetrySettings settings, int rules, Set<BreakdownDimension> breakdowns,
                            boolean requests, Sizes sizes) {

        /**
         * The length of the tables by rule slot: the rules counted plus the spare slots reloads
         * may use ({@link TelemetryStore#SPARE_RULE_SLOTS}).
         */
        private long slots() {
            return (long) rules + TelemetryStore.SPARE_RULE_SLOTS;
        }

        StoreFootprint footprint() {
            long slices = settings.sliceCount();
            long ring = eventRing();
            long buffers = captureBuffers() + (requests ? heldByRequest() : 0);
            long dependencies = dimensions() * keyTally(settings.maxDependencies() + 1L);
            long breakdownRows = breakdownRows();
            return new StoreFootprint(slices, slice(), dependencies, dimensions() * keyedCounts(), fixed(slices),
                    thread() + buffers + ring, dependencies, ring, settings.eventRingSize() * eventElements(),
                    buffers, (slices + 2) * breakdownRows);
        }

        /**
         * The breakdown rows of one slice, or of one thread, for the captured dimensions: per
         * dimension its cap plus "(other)" rows, each a {@link BreakdownCounts} and a name; the
         * slice's map and admitted set, or the thread's entries and table. Counted for both,
         * each holding the larger.
         */
        private long breakdownRows() {
            long bytes = 0;
            for (BreakdownDimension dimension : breakdowns) {
                long rows = settings.breakdowns().of(dimension) + 1L;
                long row = sizes.object(1, 0) + sizes.array(8, BreakdownCounts.SIZE) + name();
                long sliceTables = sizes.hashMap(rows) + sizes.hashMap(rows);
                long threadTables = rows * sizes.object(3, 4 + 1) + sizes.references(rows);
                bytes += rows * row + Math.max(sliceTables, threadTables);
            }
            // the thread's table object and per dimension its table, last value and last row
            return bytes == 0 ? 0 : bytes + sizes.object(4, 0) + 4 * sizes.references(BreakdownDimension.values().length);
        }

        /**
         * Counts per slice or thread: the calls outside any generation, {@code max-models + 1}
         * pairs of rule and model, and a pair of each rule with "(other)" (as many as there were
         * counts overall, per rule, per model and for "(other)" before counts went by pair).
         */
        private long dimensions() {
            return 1L + rules + settings.maxModels() + 1;
        }

        /** A name captured from the host, at its cap. */
        private long name() {
            return sizes.string(CapturedValues.MAX_NAME_LENGTH);
        }

        /** An error as kept, its type at its cap, with a message when {@code withMessage} and messages are kept. */
        private long error(boolean withMessage) {
            int message = MessageSanitizer.longestKept(settings.errorMessages(), settings.errorMessageLength());
            return sizes.object(2, 0) + sizes.string(ErrorTypes.MAX_KEPT_LENGTH)
                    + (withMessage && message > 0 ? sizes.string(message) : 0);
        }

        /** One {@link TimeSlice} at its caps. */
        private long slice() {
            long models = settings.maxModels() + 1L;
            long pairs = dimensions() - 1;
            return sizes.object(12, 8 * 3 + 4 + 1)
                    + sizes.object(2, 8) + sizes.references(10)
                    + dimensions() * (counts() + keyedCounts())
                    + sizes.hashMap(pairs) + pairs * ruleModel() + sizes.object(1, 0) + sizes.references(slots())
                    + sizes.concurrentHashMap(models) + sizes.hashMap(models) + sizes.hashMap(models)
                    + models * (ruleModel() + name()) + breakdownRows();
        }

        private long ruleModel() {
            return sizes.object(1, 4);
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
            return sizes.object(2, 0) + keyedCounter(settings.maxErrorTypes() + 1L, ErrorTypes.MAX_KEPT_LENGTH)
                    + keyedCounter(settings.maxFailureTypes() + 1L, CapturedValues.MAX_NAME_LENGTH);
        }

        /** A {@link KeyedCounter} full: its map, one {@code AtomicLong} and one key of {@code keyChars} per key. */
        private long keyedCounter(long keys, int keyChars) {
            return sizes.object(1, 4) + sizes.concurrentHashMap(keys)
                    + keys * (sizes.object(0, 8) + sizes.string(keyChars));
        }

        /**
         * The kept query sums (see {@link SettledTotals}) and the names of models still kept: at
         * most {@code max-models + 1} per slice.
         */
        private long fixed(long slices) {
            long kept = (long) SettledTotals.capacity(rules, settings);
            long keys = SettledTotals.maxKeptKeys(settings);
            long sum = sizes.object(3, 0) + sizes.array(8, slices) + sizes.references(slices)
                    + slices * sizes.object(0, 16)
                    + sizes.object(4, 0) + sizes.array(8, Counts.SIZE)
                    + 3 * sizes.object(1, 0) + sizes.hashMap(keys) + keys * sizes.array(8, 1);
            long retainedModels = slices * (settings.maxModels() + 1);
            return kept * (sum + sizes.object(4, 8))
                    + sizes.concurrentHashMap(retainedModels) + retainedModels * (sizes.object(0, 4) + name())
                    + sizes.references(slices) + sinceStart() + (requests ? requestTotals() : 0);
        }

        /** The {@link RequestTotals}: its histogram and a few adders (striped: counted at 8 cells each). */
        private long requestTotals() {
            return sizes.object(7, 0) + sizes.array(8, RequestTotals.BYTES / 8) + 6 * 8 * sizes.object(0, 8 + 64);
        }

        /**
         * What one thread's request keeps (the recorder's {@code RequestScope}): its latest
         * generation and the validations held before its first one, each at its caps.
         */
        private long heldByRequest() {
            return sizes.object(4, 4 * 5 + 1) + generationRecord()
                    + sizes.references(RequestTotals.MAX_HELD_VALIDATIONS)
                    + RequestTotals.MAX_HELD_VALIDATIONS * validationRecord();
        }

        /**
         * One recording thread's {@link ThreadSlice}: its counts of every pair and a table of
         * pairs per rule; and one slice let go that the thread may keep draining (see
         * {@link SinceStart}: at most one per thread, counted as a full slice though its counts
         * and keys have gone on, the tables that held them staying).
         */
        private long thread() {
            long pairs = dimensions() - 1;
            return sizes.contended(THREAD_SLICE_REFERENCES, THREAD_SLICE_PRIMITIVE_BYTES) + sizes.object(1, 0)
                    + sizes.references(slots())
                    + dimensions() * (counts() + sizes.object(3, 1)) + rules * sizes.references(0)
                    + sizes.references(pairs) + slice() + breakdownRows();
        }

        /**
         * The totals since start ({@link CumulativeTotals}) twice: those folded and the last
         * snapshot read (a read builds one more while it runs). Per rule and for the calls outside
         * any generation, {@code max-models} models and "(other)" with their counters, and the
         * error types, failure types and dependencies at their caps; per captured breakdown
         * dimension its values at their cap.
         */
        private long sinceStart() {
            long generator = cappedNames(settings.maxModels() + 1L, Counts.KEPT, CapturedValues.MAX_NAME_LENGTH)
                    + cappedNames(settings.maxErrorTypes() + 1L, 1, ErrorTypes.MAX_KEPT_LENGTH)
                    + cappedNames(settings.maxFailureTypes() + 1L, 1, CapturedValues.MAX_NAME_LENGTH)
                    + cappedNames(settings.maxDependencies() + 1L, 1, CapturedValues.MAX_NAME_LENGTH)
                    + sizes.object(4, 0);
            long breakdownNames = 0;
            for (BreakdownDimension dimension : BreakdownDimension.values()) {
                long values = breakdowns.contains(dimension) ? settings.breakdowns().of(dimension) + 1L : 0;
                breakdownNames += cappedNames(values, BreakdownCounts.KEPT, CapturedValues.MAX_NAME_LENGTH);
            }
            return 2 * (sizes.object(3, 0) + sizes.references(slots()) + (rules + 1L) * generator
                    + sizes.object(3, 4) + sizes.references(BreakdownDimension.values().length) + breakdownNames);
        }

        /** A {@link CappedNames} full: {@code names} names of {@code chars} characters, each with {@code width} counters. */
        private long cappedNames(long names, int width, int chars) {
            return sizes.object(1, 4 * 3) + sizes.linkedHashMap(names)
                    + names * (sizes.array(8, width) + sizes.string(chars));
        }

        /**
         * What one recording thread keeps to read its calls' captures (the recorder's
         * {@code ThreadScope}): its {@link GenerationRecord} and {@link ValidationRecord} with the
         * names they hold, the buffer a collection is read into, and at their longest (each read of
         * {@code max-elements}) the record's dependency names, the validation's detected names
         * and, while a validation is recorded, its errors (with a message for the
         * {@code event-elements} an event keeps); and its counts of calls per rule.
         */
        private long captureBuffers() {
            long scope = sizes.contended(8, 4 + 1) + sizes.references(MAX_ARGUMENTS)
                    + sizes.object(1, 4 * 3) + sizes.references(settings.maxElements());
            return generationRecord() + validationRecord() + scope + callCounts();
        }

        /** The thread's table of calls per rule ({@link ThreadCallCounts}), grown to every slot, with its weak owner. */
        private long callCounts() {
            return sizes.object(2, 0) + sizes.object(4, 0) + sizes.array(8, ThreadCallCounts.tableLength((int) slots()));
        }

        /** A {@link GenerationRecord} holding its names and dependency list at their longest. */
        private long generationRecord() {
            return sizes.contended(GENERATION_RECORD_REFERENCES, GENERATION_RECORD_PRIMITIVE_BYTES) + 4 * name()
                    + nameList(settings.maxElements());
        }

        /** A {@link ValidationRecord} holding its errors (with a message for those an event keeps) and detected names. */
        private long validationRecord() {
            long elements = settings.maxElements();
            long withMessage = Math.min(elements, settings.eventElements());
            return sizes.contended(4, 4 * 2 + 8 + 1) + nameList(elements) + sizes.arrayList(elements)
                    + withMessage * error(true) + (elements - withMessage) * error(false);
        }

        /** A {@link NameList} grown to {@code names} names, with the copy it last gave an event. */
        private long nameList(long names) {
            long length = names == 0 ? 0 : Math.max(8, Long.highestOneBit(Math.max(1, names - 1)) << 1);
            return sizes.object(2, 8) + sizes.references(length) + names * name()
                    + sizes.immutableList(Math.min(names, settings.eventElements()));
        }

        /**
         * One {@link ThreadEvents} ring whose every slot keeps full lists and names; a slot holding a
         * generation's attempt with its outcome shares them, so it costs what one event does.
         */
        private long eventRing() {
            long capacity = settings.eventRingSize();
            if (capacity == 0) {
                return 0;
            }
            long slot = sizes.object(7, 8 * 5 + 4 * 8);
            long event = slot + 4 * name() + eventElements();
            return sizes.contended(3, 8 * 4 + 4 * 2) + sizes.object(1, 4) + sizes.references(capacity)
                    + capacity * event;
        }

        /** The error and dependency lists of one event, each at {@code event-elements}. */
        private long eventElements() {
            long kept = settings.eventElements();
            return 2 * sizes.immutableList(kept) + kept * (error(true) + name());
        }
    }
}
