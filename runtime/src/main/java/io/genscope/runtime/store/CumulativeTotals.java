package io.genscope.runtime.store;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ObjLongConsumer;

/**
 * What the store has counted since it was made, per generator: per model the counts of
 * {@link CallCounts}, and the validation error types, generation failure types and
 * dependencies. Nothing here is windowed or cleared by a reset. Built by {@link SinceStart}: the
 * counts of the slices already let go plus those of the slices still kept.
 *
 * <p>Names are capped per generator by the store's settings ({@code max-models},
 * {@code max-error-types}, {@code max-failure-types}, {@code max-dependencies}); past a cap they
 * count under "(other)", and a name once admitted keeps its own counters for good (see
 * {@link CappedNames}). Validations and retries outside any generation are one more generator,
 * {@link #outsideGenerations()}, with one model, {@link #NONE}. Beside the generators, the
 * counters per value of each breakdown dimension ({@link #breakdown}), capped by its cap.
 *
 * <p>A snapshot returned by {@link TelemetryStore#cumulative()} is read-only and may be shared
 * by readers; the one {@link SinceStart} accumulates into is guarded by it.
 */
public final class CumulativeTotals {

    /** The generator and model of validations and retries outside any generation. */
    public static final String NONE = "(none)";
    /** The rule index standing for calls outside any generation. */
    static final int UNATTRIBUTED = -1;

    /** The totals of one generator. */
    public static final class Generator {

        private final CappedNames models;
        private final CappedNames errorTypes;
        private final CappedNames failureTypes;
        private final CappedNames dependencies;

        private Generator(TelemetrySettings settings, int maxModels) {
            models = new CappedNames(maxModels, Counts.KEPT);
            errorTypes = new CappedNames(settings.maxErrorTypes(), 1);
            failureTypes = new CappedNames(settings.maxFailureTypes(), 1);
            dependencies = new CappedNames(settings.maxDependencies(), 1);
        }

        private Generator(Generator other) {
            models = other.models.copy();
            errorTypes = other.errorTypes.copy();
            failureTypes = other.failureTypes.copy();
            dependencies = other.dependencies.copy();
        }

        /** Counts per model, in the order the models were first counted. */
        public Map<String, CallCounts> models() {
            Map<String, CallCounts> view = new LinkedHashMap<>();
            models.values().forEach((model, counts) -> view.put(model, new CallCounts(counts)));
            return view;
        }

        /** Errors reported by validations, per error type, in the order first counted. */
        public Map<String, Long> errorTypes() {
            return single(errorTypes);
        }

        /** Failed generations per failure type (exception class), in the order first counted. */
        public Map<String, Long> failureTypes() {
            return single(failureTypes);
        }

        /** Uses reported by successful generations and validations, per dependency, in the order first counted. */
        public Map<String, Long> dependencies() {
            return single(dependencies);
        }

        private static Map<String, Long> single(CappedNames names) {
            Map<String, Long> view = new LinkedHashMap<>();
            names.values().forEach((name, count) -> view.put(name, count[0]));
            return view;
        }

        private boolean admitNamesOf(Generator other) {
            // each admits on its own: no short-circuit
            return models.admitNamesOf(other.models) | errorTypes.admitNamesOf(other.errorTypes)
                    | failureTypes.admitNamesOf(other.failureTypes) | dependencies.admitNamesOf(other.dependencies);
        }
    }

    /**
     * The counters of one value of a breakdown dimension since start: those of a
     * {@link BreakdownTotals} that add up (its times and prompt lengths are windowed only).
     */
    public record BreakdownCounters(long generations, long successes, long validatedGenerations,
                                    long firstPassGenerations, long retries, long validations,
                                    long validationFailures) {

        private BreakdownCounters(long[] counts) {
            this(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
        }
    }

    private final TelemetrySettings settings;
    /** Per rule slot, {@code null} until something is counted for it: most slots are spares for reloads. */
    private final Generator[] byRule;
    private final Generator outside;
    /** What {@link #generator} gives for a slot with nothing counted; never added to. */
    private final Generator none;
    /** Per dimension, capped by its {@link BreakdownCaps} cap: values admitted keep their counters for good. */
    private final EnumMap<BreakdownDimension, CappedNames> breakdowns = new EnumMap<>(BreakdownDimension.class);

    CumulativeTotals(TelemetrySettings settings, int rules) {
        this.settings = settings;
        byRule = new Generator[rules];
        outside = new Generator(settings, 1);
        none = new Generator(settings, 1);
        for (BreakdownDimension dimension : BreakdownDimension.values()) {
            breakdowns.put(dimension, new CappedNames(settings.breakdowns().of(dimension), BreakdownCounts.KEPT));
        }
    }

    private CumulativeTotals(CumulativeTotals other) {
        settings = other.settings;
        byRule = new Generator[other.byRule.length];
        for (int rule = 0; rule < byRule.length; rule++) {
            byRule[rule] = other.byRule[rule] == null ? null : new Generator(other.byRule[rule]);
        }
        outside = new Generator(other.outside);
        none = other.none;
        other.breakdowns.forEach((dimension, names) -> breakdowns.put(dimension, names.copy()));
    }

    /** The counters per value of {@code dimension}, in the order the values were first counted. */
    public Map<String, BreakdownCounters> breakdown(BreakdownDimension dimension) {
        Map<String, BreakdownCounters> view = new LinkedHashMap<>();
        breakdowns.get(dimension).values().forEach((value, counts) -> view.put(value, new BreakdownCounters(counts)));
        return view;
    }

    /** Adds the counters of {@code value} of {@code dimension}, as a slice counted them. */
    void addBreakdown(BreakdownDimension dimension, String value, BreakdownCounts counts) {
        counts.addKeptTo(breakdowns.get(dimension).slot(value));
    }

    /** How many rule slots the store has: the indexes {@link #generator} takes. */
    public int rules() {
        return byRule.length;
    }

    /** The totals of the generation rule in slot {@code rule} (empty for other roles and unused slots). */
    public Generator generator(int rule) {
        Generator generator = byRule[rule];
        return generator == null ? none : generator;
    }

    /** The totals of slot {@code rule}, made on first use; only on the instance being added to. */
    private Generator counted(int rule) {
        if (byRule[rule] == null) {
            byRule[rule] = new Generator(settings, settings.maxModels());
        }
        return byRule[rule];
    }

    /** Validations and retries outside any generation, under the one model {@link #NONE}. */
    public Generator outsideGenerations() {
        return outside;
    }

    private Generator of(int rule) {
        return rule == UNATTRIBUTED ? outside : counted(rule);
    }

    void addUnattributed(Counts counts) {
        add(outside, NONE, counts);
    }

    /** Adds the counts of {@code rule} with the model a slice counted them under. */
    void addPair(int rule, String model, Counts counts) {
        add(counted(rule), model, counts);
    }

    private static void add(Generator generator, String model, Counts counts) {
        counts.addKeptTo(generator.models.slot(model));
        counts.dependencies.forEach(generator.dependencies::add);
    }

    /** Adds the error and failure types of {@code rule}, or of {@link #UNATTRIBUTED} calls. */
    void addKeyed(int rule, KeyedCounts keyed) {
        keyed.errorTypes.forEach(errorTypes(rule));
        keyed.failureTypes.forEach(failureTypes(rule));
    }

    /** Where error types of {@code rule} (or {@link #UNATTRIBUTED}) are added. */
    ObjLongConsumer<String> errorTypes(int rule) {
        return of(rule).errorTypes::add;
    }

    ObjLongConsumer<String> failureTypes(int rule) {
        return of(rule).failureTypes::add;
    }

    CumulativeTotals copy() {
        return new CumulativeTotals(this);
    }

    /** Admits, in order, every name {@code other} (a copy of these totals, added to) holds that these do not. */
    boolean admitNamesOf(CumulativeTotals other) {
        boolean added = outside.admitNamesOf(other.outside);
        for (BreakdownDimension dimension : BreakdownDimension.values()) {
            added |= breakdowns.get(dimension).admitNamesOf(other.breakdowns.get(dimension));
        }
        for (int rule = 0; rule < byRule.length; rule++) {
            if (other.byRule[rule] != null) {
                added |= counted(rule).admitNamesOf(other.byRule[rule]);
            }
        }
        return added;
    }
}
