package io.genscope.runtime.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Everything recorded in one slice of time ({@code resolution} wide): the plain counts of the
 * threads recording into it (live), the counts of threads that have moved on (retired, merged
 * here), and the keyed counts shared by all threads.
 *
 * <p>Thread-safe. Recording threads write their own {@link ThreadSlice} without locking; the
 * slice's lock is taken only when a thread joins or leaves the slice (once per thread per slice)
 * and by readers, so a reader never counts a thread's counts twice or not at all while they
 * move from live to retired. At most {@code maxModels} models are admitted per slice; later
 * ones are counted under {@link KeyedCounter#OTHER}. Each admission is counted in the ring's
 * {@link RetainedModels}, and announced to its listener, once the slice's lock is let go.
 *
 * <p>Once evicted (past the retention, or reset) a slice lets go of everything it holds: its
 * counts, keyed counts and models, so an idle thread still pointing at it keeps an empty shell.
 */
final class TimeSlice {

    static final String UNKNOWN_MODEL = "(unknown)";
    private static final AtomicLong SERIALS = new AtomicLong();

    final long index;
    /** Unique among all slices ever made, so a slice that replaced another is never taken for it. */
    final long serial = SERIALS.incrementAndGet();
    private final TelemetrySettings settings;
    private final RetainedModels retainedModels;
    private final List<ThreadSlice> live = new ArrayList<>();
    /** Joins and leaves to go before the next sweep for ended threads; see {@link #retireEndedNowAndThen}. */
    private int changesUntilSweep;
    /** Threads that joined or left so far, and evictions: part of the slice's {@link #version}. */
    private long changes;
    private final Counts retiredUnattributed;
    private final Counts[] retiredByRule;
    private final Map<String, Counts> retiredByModel = new HashMap<>();
    final KeyedCounts keyedTotal;
    private final AtomicReferenceArray<KeyedCounts> keyedByRule;
    private final ConcurrentHashMap<String, KeyedCounts> keyedByModel = new ConcurrentHashMap<>();
    /** Guarded by this. */
    private final Set<String> admittedModels = new HashSet<>();
    /** Guarded by this. */
    private boolean evicted;

    TimeSlice(long index, TelemetrySettings settings, int rules, RetainedModels retainedModels) {
        this.index = index;
        this.settings = settings;
        this.retainedModels = retainedModels;
        this.retiredUnattributed = new Counts(settings.maxDependencies());
        this.retiredByRule = new Counts[rules];
        this.keyedTotal = new KeyedCounts(settings);
        this.keyedByRule = new AtomicReferenceArray<>(rules);
    }

    /**
     * The name {@code model} is counted under here: itself, or "(other)" past the cap. Each thread
     * asks once per model and slice, so the lock is taken about as often as on joining.
     */
    String admitModel(String model) {
        String admitted;
        boolean added;
        synchronized (this) {
            if (admittedModels.contains(model)) {
                return model;
            }
            admitted = admittedModels.size() < settings.maxModels() ? model : KeyedCounter.OTHER;
            added = !evicted && admittedModels.add(admitted);
            if (added) {
                retainedModels.admitted(admitted);
            }
        }
        if (added) {
            retainedModels.announce(admitted);
        }
        return admitted;
    }

    KeyedCounts keyedRule(int rule) {
        KeyedCounts keyed = keyedByRule.get(rule);
        if (keyed == null) {
            keyedByRule.compareAndSet(rule, null, new KeyedCounts(settings));
            keyed = keyedByRule.get(rule);
        }
        return keyed;
    }

    KeyedCounts keyedModel(String admitted) {
        return keyedByModel.computeIfAbsent(admitted, k -> new KeyedCounts(settings));
    }

    /**
     * Lets go of everything: the slice has left the ring (past the retention, or reset), so
     * nobody reads it, and idle threads that still refer to it would otherwise keep its counts,
     * keys and models, and the threads that ended while attached, for as long as they do.
     */
    void evict() {
        List<String> models;
        synchronized (this) {
            if (evicted) {
                return;
            }
            evicted = true;
            live.clear();
            changes++;
            retiredUnattributed.clear();
            java.util.Arrays.fill(retiredByRule, null);
            retiredByModel.clear();
            keyedTotal.clear();
            for (int rule = 0; rule < keyedByRule.length(); rule++) {
                keyedByRule.set(rule, null);
            }
            keyedByModel.clear();
            models = List.copyOf(admittedModels);
            admittedModels.clear();
            models.forEach(retainedModels::released);
        }
        models.forEach(retainedModels::announce);
    }

    /** Attaches a thread that starts recording into this slice. */
    synchronized void join(ThreadSlice thread) {
        retireEndedNowAndThen();
        live.add(thread);
        changes++;
    }

    /** Moves a thread's counts from live to retired; the thread may then reuse its object. */
    synchronized void retire(ThreadSlice thread) {
        if (live.remove(thread)) {
            absorb(thread);
            changes++;
        }
        retireEndedNowAndThen();
    }

    /**
     * Retires the threads that ended while attached. They never move on themselves, and would
     * otherwise keep their counts (kilobytes per rule and model) until the slice leaves the ring,
     * so a generator starting a thread per request would hold them by the thousand.
     *
     * <p>A sweep looks at every attached thread, so it runs only once as many joins and leaves
     * have passed as threads were attached after the last one: a pool of threads all moving on to
     * a new slice costs a few looks per thread, not one per pair of threads, and an ended thread
     * stays attached for at most that many joins and leaves.
     */
    private void retireEndedNowAndThen() {
        if (--changesUntilSweep > 0) {
            return;
        }
        retireEnded();
        changesUntilSweep = live.size();
    }

    private void retireEnded() {
        for (Iterator<ThreadSlice> attached = live.iterator(); attached.hasNext(); ) {
            ThreadSlice other = attached.next();
            // an ended thread's last writes happen-before isAlive() returning false
            if (!other.owner.isAlive()) {
                attached.remove();
                absorb(other);
                changes++;
            }
        }
    }

    private void absorb(ThreadSlice thread) {
        thread.mergeInto(retiredUnattributed, retiredByRule, retiredByModel);
    }

    /**
     * Where the slice's counts stand: two looks that return equal versions saw equal counts.
     * Only threads attached here write here, so the counts change only when a thread joins or
     * leaves (counted in {@code changes}) or an attached thread records (its record count grows;
     * with the same threads attached, the sum of their counts grows too).
     */
    record Version(long changes, long records) {
    }

    synchronized Version version() {
        long records = 0;
        for (ThreadSlice thread : live) {
            records += thread.records();
        }
        return new Version(changes, records);
    }

    /**
     * Adds this slice's counts of {@code dimension} to {@code totals}.
     *
     * @return the slice's version, taken first in the same look: the counts added are at least as
     *         new (a writer counts a record after its writes)
     */
    synchronized Version addTo(TallyTotals totals, Dimension dimension) {
        Version version = version();
        switch (dimension.kind()) {
            case ALL -> {
                totals.add(retiredUnattributed);
                for (Counts rule : retiredByRule) {
                    totals.add(rule);
                }
                for (ThreadSlice thread : live) {
                    totals.add(thread.unattributed);
                    for (int rule = 0; rule < retiredByRule.length; rule++) {
                        totals.add(thread.ruleIfPresent(rule));
                    }
                }
                totals.add(keyedTotal);
            }
            case RULE -> {
                int rule = dimension.rule();
                totals.add(retiredByRule[rule]);
                live.forEach(thread -> totals.add(thread.ruleIfPresent(rule)));
                totals.add(keyedByRule.get(rule));
            }
            case MODEL -> {
                String model = dimension.model();
                totals.add(retiredByModel.get(model));
                live.forEach(thread -> totals.add(thread.modelIfPresent(model)));
                totals.add(keyedByModel.get(model));
            }
        }
        return version;
    }

    synchronized List<String> models() {
        return List.copyOf(admittedModels);
    }
}
