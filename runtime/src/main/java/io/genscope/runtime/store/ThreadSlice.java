package io.genscope.runtime.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReferenceArray;
import jdk.internal.vm.annotation.Contended;

/**
 * One thread's recording state in a store: its counts for the time slice it is recording into,
 * and its raw-event ring. The counts: those of calls outside any generation, and per pair of
 * generation rule and model, written by that thread only (see {@link Counts}). A call inside a
 * generation updates one {@link Counts}, its pair's: the figures per rule, per model and overall
 * are sums of pairs, made when read. When the thread moves on to a new slice, the store retires
 * these counts into the old slice and reuses the object.
 *
 * <p>Single writer, many readers. Readers reach it through its {@link TimeSlice}, under that
 * slice's lock; the per-rule tables are published safely (atomic array of copy-on-write arrays).
 *
 * <p>{@link Contended}: a thread's slice is written on every call by its own thread, so its fields
 * are padded off the cache lines of whatever the garbage collector copies next to it, such as
 * another recording thread's state (which made two threads on one rule up to 1.5 times slower
 * per call than one, in some JVM runs and not others). Padding costs 256 bytes per object, counted
 * by {@code StoreFootprint}; HotSpot honours it for classes of the boot class path only, where the
 * agent puts the runtime.
 */
@Contended
public final class ThreadSlice {

    /**
     * A model as captured, the name its pair is counted under (itself or "(other)"), and the
     * counts; {@code owns} is false for a later model sharing an earlier entry's counts (models
     * past a cap), so that a reader adds each counts object once.
     */
    private record PairCounts(String model, String admitted, Counts counts, boolean owns) {
    }

    private static final PairCounts[] NO_PAIRS = new PairCounts[0];
    private static final VarHandle RECORDS = FieldHandles.of(MethodHandles.lookup(), "records", long.class);

    /** The thread that records here; once it has ended, its slice merges these counts and lets go. */
    final Thread owner;
    TimeSlice slice;
    long epoch;
    /** The monotonic-clock range of {@link #slice}: recording inside it needs no division. */
    long sliceStartNanos = Long.MAX_VALUE;
    long sliceEndNanos = Long.MIN_VALUE;
    /**
     * Operations recorded so far, in any slice: each counts after its writes, with release
     * semantics, so a reader that sees a count sees the writes before it (see {@link TimeSlice#version}).
     * The store counts an operation even when one of its writes throws (in a {@code finally}), so
     * the writes that landed still change the slice's version.
     */
    private long records;
    /** This thread's raw events; {@code null} until its first event. */
    ThreadEvents events;
    /** Retries and validations outside any generation. */
    final Counts unattributed;
    /** The rows of the breakdowns by variant, project, user and prompt category. */
    final ThreadBreakdowns breakdowns = new ThreadBreakdowns();
    private final int maxDependencies;
    /** Per rule, its pairs counted in the current slice; {@code null} for a rule not yet counted. */
    private final AtomicReferenceArray<PairCounts[]> byRule;
    /**
     * The pair last found, with the rule and model it was found for: the next call is mostly of
     * the same, and finds it without a scan of the rule's table (a generation looks its pair up
     * when it starts and again when it completes). The owner's only; forgotten with the slice.
     */
    private int lastRule;
    private String lastModel;
    private PairCounts lastPair;

    ThreadSlice(int rules, int maxDependencies, Thread owner) {
        this.owner = owner;
        this.maxDependencies = maxDependencies;
        this.unattributed = new Counts(maxDependencies);
        this.byRule = new AtomicReferenceArray<>(rules);
    }

    /** Counts one more operation, after its writes; only the owning thread calls it. */
    void recorded() {
        RECORDS.setRelease(this, records + 1);
    }

    long records() {
        return (long) RECORDS.getAcquire(this);
    }

    /** The counts of {@code rule} with {@code model} in the current slice, admitting the pair there on first use. */
    Counts pair(int rule, String model) {
        return entry(rule, model).counts();
    }

    /** The name {@code model}'s pair with {@code rule} is counted under in the current slice. */
    String admitted(int rule, String model) {
        return entry(rule, model).admitted();
    }

    private PairCounts entry(int rule, String model) {
        PairCounts last = lastPair;
        if (last != null && rule == lastRule && model == lastModel) {
            return last;
        }
        PairCounts found = find(rule, model);
        lastRule = rule;
        if (lastModel != model) {
            lastModel = model; // stored only when it changes: see EventSlot on write barriers
        }
        if (last != found) {
            lastPair = found;
        }
        return found;
    }

    private PairCounts find(int rule, String model) {
        String key = model == null ? TimeSlice.UNKNOWN_MODEL : model;
        PairCounts[] current = byRule.getPlain(rule);
        if (current == null) {
            current = NO_PAIRS;
        }
        for (PairCounts entry : current) {
            if (entry.model() == key || entry.model().equals(key)) {
                return entry;
            }
        }
        String admitted = slice.admitPair(rule, key);
        for (PairCounts entry : current) {
            if (entry.owns() && entry.admitted().equals(admitted)) {
                if (admitted.equals(KeyedCounter.OTHER)) {
                    return entry; // models past the cap share one entry; the table stays bounded
                }
                return append(rule, current, new PairCounts(key, admitted, entry.counts(), false));
            }
        }
        return append(rule, current, new PairCounts(key, admitted, new Counts(maxDependencies), true));
    }

    private PairCounts append(int rule, PairCounts[] current, PairCounts entry) {
        PairCounts[] grown = java.util.Arrays.copyOf(current, current.length + 1);
        grown[current.length] = entry;
        byRule.setRelease(rule, grown);
        return entry;
    }

    /** What to do with the counts of one pair. */
    @FunctionalInterface
    interface PairAction {
        void accept(int rule, String admitted, Counts counts);
    }

    /** Gives each pair's counts to {@code action}, once each (models past a cap share their counts). */
    void forEachPair(PairAction action) {
        for (int rule = 0; rule < byRule.length(); rule++) {
            PairCounts[] pairs = byRule.getAcquire(rule);
            if (pairs != null) {
                for (PairCounts entry : pairs) {
                    if (entry.owns()) {
                        action.accept(rule, entry.admitted(), entry.counts());
                    }
                }
            }
        }
    }

    /** Adds the counts of every pair in {@code dimension} to {@code totals}. */
    void addPairsTo(TallyTotals totals, Dimension dimension) {
        forEachPair((rule, admitted, counts) -> {
            if (dimension.includes(rule, admitted)) {
                totals.add(counts);
            }
        });
    }

    /** Adds everything counted here to the totals since start {@code totals}. */
    void addTo(CumulativeTotals totals) {
        totals.addUnattributed(unattributed);
        forEachPair(totals::addPair);
    }

    /** Retires these counts: the unattributed ones, and per pair of rule and admitted model. */
    void mergeInto(Counts unattributedInto, java.util.Map<RuleModel, Counts> pairsInto) {
        unattributedInto.absorb(unattributed);
        forEachPair((rule, admitted, counts) -> pairsInto.computeIfAbsent(new RuleModel(rule, admitted),
                k -> new Counts(maxDependencies)).absorb(counts));
    }

    /** Empties the counts for the next slice; the pair tables start afresh (admission is per slice). */
    void clear() {
        lastPair = null;
        lastModel = null;
        unattributed.clear();
        breakdowns.clear();
        for (int rule = 0; rule < byRule.length(); rule++) {
            if (byRule.getPlain(rule) != null) {
                byRule.setRelease(rule, null);
            }
        }
    }
}
