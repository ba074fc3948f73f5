package io.genscope.runtime.store;

import java.util.ArrayList;
import java.util.EnumMap;
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
 * move from live to retired. Counts go per pair of rule and model ({@link #admitPair}): at most
 * {@code maxModels} models and {@code maxModels + 1} such pairs per slice; later pairs are counted
 * under their rule and {@link KeyedCounter#OTHER}. Each model admission is counted in the ring's
 * {@link RetainedModels}, and announced to its listener, once the slice's lock is let go.
 *
 * <p>Once let go (past the retention, or reset) a slice hands its counts to the totals kept
 * since start ({@link SinceStart}) and keeps none of them, nor its keys and models. Threads
 * still attached to it (an idle thread whose last call was in it, or one recording across a
 * reset) keep their own counts, handed over as each leaves or ends; until the last has, the slice
 * is one of the {@linkplain SinceStart draining} slices, which the totals since start read as
 * they read the ring.
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
    /** Guarded by this. */
    private final Map<RuleModel, Counts> retiredPairs = new HashMap<>();
    /** Errors of validations outside any generation. */
    final KeyedCounts keyedUnattributed;
    private final AtomicReferenceArray<KeyedCounts> keyedByRule;
    private final ConcurrentHashMap<String, KeyedCounts> keyedByModel = new ConcurrentHashMap<>();
    /** Guarded by this. */
    private final Set<String> admittedModels = new HashSet<>();
    /** Pairs of rule and model counted under the model's own name. Guarded by this. */
    private final Set<RuleModel> admittedPairs = new HashSet<>();
    /** Per breakdown dimension, the values counted under their own name. Guarded by this. */
    private final EnumMap<BreakdownDimension, Set<String>> admittedBreakdowns = new EnumMap<>(BreakdownDimension.class);
    /** Per breakdown dimension, the rows of threads that moved on, by admitted value. Guarded by this. */
    private final EnumMap<BreakdownDimension, Map<String, BreakdownCounts>> retiredBreakdowns =
            new EnumMap<>(BreakdownDimension.class);
    /** Where the counts go once let go; {@code null} until then. Guarded by this. */
    private SinceStart sinceStart;

    TimeSlice(long index, TelemetrySettings settings, int rules, RetainedModels retainedModels) {
        this.index = index;
        this.settings = settings;
        this.retainedModels = retainedModels;
        this.retiredUnattributed = new Counts(settings.maxDependencies());
        this.keyedUnattributed = new KeyedCounts(settings);
        this.keyedByRule = new AtomicReferenceArray<>(rules);
    }

    /**
     * The name {@code model}'s pair with {@code rule} is counted under here: the model itself, or
     * "(other)" past either cap (models, or pairs: {@code maxModels + 1}, so that a slice holds no
     * more counts than one per rule and per model did). Each thread asks once per pair and slice,
     * so the lock is taken about as often as on joining.
     */
    String admitPair(int rule, String model) {
        String admitted;
        boolean added;
        synchronized (this) {
            RuleModel pair = new RuleModel(rule, model);
            if (admittedPairs.contains(pair)) {
                return model;
            }
            boolean modelFits = admittedModels.contains(model) || admittedModels.size() < settings.maxModels();
            admitted = modelFits && admittedPairs.size() <= settings.maxModels() ? model : KeyedCounter.OTHER;
            if (!admitted.equals(KeyedCounter.OTHER)) {
                admittedPairs.add(pair);
            }
            added = sinceStart == null && admittedModels.add(admitted);
            if (added) {
                retainedModels.admitted(admitted);
            }
        }
        if (added) {
            retainedModels.announce(admitted);
        }
        return admitted;
    }

    /**
     * The name {@code value} of {@code dimension} is counted under here: itself, or "(other)" once
     * the dimension's cap ({@link BreakdownCaps}) of values is admitted. Each thread asks once per
     * value and slice (values past the cap: once per generation, as models past theirs do).
     */
    synchronized String admitBreakdown(BreakdownDimension dimension, String value) {
        Set<String> admitted = admittedBreakdowns.computeIfAbsent(dimension, k -> new HashSet<>());
        if (admitted.contains(value)) {
            return value;
        }
        if (!value.equals(KeyedCounter.OTHER) && admitted.size() < settings.breakdowns().of(dimension)) {
            admitted.add(value);
            return value;
        }
        return KeyedCounter.OTHER;
    }

    /**
     * Adds the rows of {@code dimension} counted here to {@code into}, by admitted value: those of
     * threads that moved on and those of threads still recording here. A slice let go keeps none:
     * their counters go on to the totals since start (see {@link #handOver}).
     */
    synchronized void addBreakdownTo(BreakdownDimension dimension, Map<String, long[]> into) {
        retiredBreakdowns.getOrDefault(dimension, Map.of()).forEach((value, counts) ->
                counts.addTo(into.computeIfAbsent(value, k -> new long[BreakdownCounts.SIZE])));
        live.forEach(thread -> thread.breakdowns.addTo(dimension, into));
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
     * The slice has left the ring (past the retention, or reset): hands its counts over to
     * {@code into} and lets go of them, so idle threads that still refer to it do not keep its
     * counts, keys and models for as long as they do. Called inside one of {@code into}'s
     * changes, with the slice already out of the ring.
     */
    void evict(SinceStart into) {
        List<String> models;
        synchronized (this) {
            if (sinceStart != null) {
                return;
            }
            sinceStart = into;
            changes++;
            retireEnded();
            keyedByModel.clear();
            models = List.copyOf(admittedModels);
            admittedModels.clear();
            models.forEach(retainedModels::released);
            handOver();
        }
        models.forEach(retainedModels::announce);
    }

    /**
     * Moves what is here to the totals since start: the retired counts and the keyed counts
     * (which a thread still attached may go on writing: see {@link KeyedCounter#drain}). The
     * slice stays draining while threads are attached: their counts are read from it, and handed
     * over as each leaves, so a draining slice holds no counts of its own. Holding this slice's
     * lock, after {@link #evict}.
     */
    private void handOver() {
        sinceStart.change(totals -> {
            totals.addUnattributed(retiredUnattributed);
            retiredPairs.forEach((pair, counts) -> totals.addPair(pair.rule(), pair.model(), counts));
            keyedUnattributed.drainInto(totals, CumulativeTotals.UNATTRIBUTED);
            addRetiredBreakdownsTo(totals);
            for (int rule = 0; rule < keyedByRule.length(); rule++) {
                KeyedCounts keyed = keyedByRule.get(rule);
                if (keyed != null) {
                    keyed.drainInto(totals, rule);
                }
            }
        }, this, live.isEmpty());
        retiredUnattributed.clear();
        retiredPairs.clear();
        retiredBreakdowns.clear();
        admittedBreakdowns.clear();
    }

    /** Attaches a thread that starts recording into this slice. */
    synchronized void join(ThreadSlice thread) {
        retireEndedNowAndThen();
        live.add(thread);
        changes++;
        if (sinceStart != null && live.size() == 1) {
            sinceStart.draining(this); // joined after the slice was let go: its counts are read until it leaves
        }
    }

    /** Moves a thread's counts from live to retired; the thread may then reuse its object. */
    synchronized void retire(ThreadSlice thread) {
        if (live.remove(thread)) {
            absorb(thread);
            changes++;
        }
        retireEndedNowAndThen();
        if (sinceStart != null) {
            handOver(); // let go: what the thread counted goes straight on to the totals since start
        }
    }

    /** For a slice let go: retires the threads that ended while attached and hands their counts over. */
    synchronized void retireEndedIfLetGo() {
        if (sinceStart != null && (retireEnded() || live.isEmpty())) {
            handOver();
        }
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

    /** @return whether any thread had ended */
    private boolean retireEnded() {
        boolean retired = false;
        for (Iterator<ThreadSlice> attached = live.iterator(); attached.hasNext(); ) {
            ThreadSlice other = attached.next();
            // an ended thread's last writes happen-before isAlive() returning false
            if (!other.owner.isAlive()) {
                attached.remove();
                absorb(other);
                changes++;
                retired = true;
            }
        }
        return retired;
    }

    private void absorb(ThreadSlice thread) {
        thread.mergeInto(retiredUnattributed, retiredPairs);
        thread.breakdowns.mergeInto(retiredBreakdowns);
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
        if (dimension.includesUnattributed()) {
            totals.add(retiredUnattributed);
            live.forEach(thread -> totals.add(thread.unattributed));
            totals.add(keyedUnattributed);
        }
        retiredPairs.forEach((pair, counts) -> {
            if (dimension.includes(pair.rule(), pair.model())) {
                totals.add(counts);
            }
        });
        live.forEach(thread -> thread.addPairsTo(totals, dimension));
        switch (dimension.kind()) {
            case ALL -> {
                for (int rule = 0; rule < keyedByRule.length(); rule++) {
                    totals.add(keyedByRule.get(rule));
                }
            }
            case RULE -> totals.add(keyedByRule.get(dimension.rule()));
            case MODEL -> totals.add(keyedByModel.get(dimension.model()));
        }
        return version;
    }

    /** Adds everything counted here to the totals since start {@code totals}. */
    synchronized void addTo(CumulativeTotals totals) {
        totals.addUnattributed(retiredUnattributed);
        retiredPairs.forEach((pair, counts) -> totals.addPair(pair.rule(), pair.model(), counts));
        live.forEach(thread -> thread.addTo(totals));
        addKeyedTo(totals);
        addRetiredBreakdownsTo(totals);
        live.forEach(thread -> thread.breakdowns.addTo(totals));
    }

    private void addRetiredBreakdownsTo(CumulativeTotals totals) {
        retiredBreakdowns.forEach((dimension, rows) ->
                rows.forEach((value, counts) -> totals.addBreakdown(dimension, value, counts)));
    }

    private void addKeyedTo(CumulativeTotals totals) {
        totals.addKeyed(CumulativeTotals.UNATTRIBUTED, keyedUnattributed);
        for (int rule = 0; rule < keyedByRule.length(); rule++) {
            KeyedCounts keyed = keyedByRule.get(rule);
            if (keyed != null) {
                totals.addKeyed(rule, keyed);
            }
        }
    }

    synchronized List<String> models() {
        return List.copyOf(admittedModels);
    }
}
