package io.genscope.runtime.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One thread's recording state in a store: its counts for the time slice it is recording into,
 * and its raw-event ring. The counts: the counts overall, per rule and
 * per model, written by that thread only (see {@link Counts}). When the thread moves on to a new
 * slice, the store retires these counts into the old slice and reuses the object, so a thread
 * allocates its counts once per rule and model it uses, not once per call.
 *
 * <p>Single writer, many readers. Readers reach it through its {@link TimeSlice}, under that
 * slice's lock; the rule and model tables are published safely (atomic array, volatile
 * copy-on-write array).
 */
public final class ThreadSlice {

    /** A model as captured, the name it is counted under (itself or "(other)"), and its counts. */
    private record ModelCounts(String model, String admitted, Counts counts) {
    }

    private static final ModelCounts[] NO_MODELS = new ModelCounts[0];
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
    /**
     * Retries and validations outside any generation. Everything inside a generation is counted
     * per rule only: the overall figures are the sum of the rules and this, so a call updates two
     * dimensions (rule, model) instead of three.
     */
    final Counts unattributed;
    private final int maxDependencies;
    private final AtomicReferenceArray<Counts> byRule;
    private volatile ModelCounts[] models = NO_MODELS;

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

    Counts rule(int rule) {
        Counts counts = byRule.getPlain(rule);
        if (counts == null) {
            counts = new Counts(maxDependencies);
            byRule.setRelease(rule, counts);
        }
        return counts;
    }

    /** The counts of {@code model} in the current slice, admitting it there on first use. */
    Counts model(String model) {
        return modelEntry(model).counts();
    }

    /** The name {@code model} is counted under in the current slice. */
    String admitted(String model) {
        return modelEntry(model).admitted();
    }

    private ModelCounts modelEntry(String model) {
        String key = model == null ? TimeSlice.UNKNOWN_MODEL : model;
        ModelCounts[] current = models;
        for (ModelCounts entry : current) {
            if (entry.model() == key || entry.model().equals(key)) {
                return entry;
            }
        }
        String admitted = slice.admitModel(key);
        Counts counts = null;
        for (ModelCounts entry : current) {
            if (entry.admitted().equals(admitted)) {
                if (admitted.equals(KeyedCounter.OTHER)) {
                    return entry; // models past the cap share one entry; the table stays bounded
                }
                counts = entry.counts();
            }
        }
        ModelCounts entry = new ModelCounts(key, admitted, counts != null ? counts : new Counts(maxDependencies));
        ModelCounts[] grown = java.util.Arrays.copyOf(current, current.length + 1);
        grown[current.length] = entry;
        models = grown;
        return entry;
    }

    Counts ruleIfPresent(int rule) {
        return byRule.getAcquire(rule);
    }

    /** The counts kept under {@code admitted}, or {@code null}. */
    Counts modelIfPresent(String admitted) {
        for (ModelCounts entry : models) {
            if (entry.admitted().equals(admitted)) {
                return entry.counts();
            }
        }
        return null;
    }

    /** Retires these counts: the unattributed ones, per rule and per admitted model. */
    void mergeInto(Counts totalInto, Counts[] rulesInto, java.util.Map<String, Counts> modelsInto) {
        totalInto.absorb(unattributed);
        for (int i = 0; i < byRule.length(); i++) {
            Counts counts = byRule.getPlain(i);
            if (counts != null) {
                if (rulesInto[i] == null) {
                    rulesInto[i] = new Counts(maxDependencies);
                }
                rulesInto[i].absorb(counts);
            }
        }
        java.util.Set<Counts> merged = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (ModelCounts entry : models) {
            if (merged.add(entry.counts())) {
                modelsInto.computeIfAbsent(entry.admitted(), k -> new Counts(maxDependencies)).absorb(entry.counts());
            }
        }
    }

    /** Empties the counts for the next slice; the model table starts afresh (admission is per slice). */
    void clear() {
        unattributed.clear();
        for (int i = 0; i < byRule.length(); i++) {
            Counts counts = byRule.getPlain(i);
            if (counts != null) {
                counts.clear();
            }
        }
        models = NO_MODELS;
    }
}
