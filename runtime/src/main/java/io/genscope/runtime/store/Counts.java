package io.genscope.runtime.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The plain counts of one dimension (the calls outside any generation, or one rule and model) in
 * one time slice, with the generation-time histogram and the fixed-bound generation and
 * validation-time buckets ({@link FixedBuckets}): one {@code long[]} so a whole dimension is one allocation and
 * merges with one loop. Beside them, the dimension's dependencies ({@link KeyTally}): successful
 * calls report them, so they are counted per thread like the rest.
 *
 * <p>Single writer: only the owning thread writes, with opaque stores (a plain {@code mov} on
 * x86), and readers use opaque loads, so a reader sees each counter's latest value without any
 * lock or fence on the writer's side. A reader does not see an atomic cut across counters.
 * Merged aggregates (retired thread counts) are written under their slice's lock instead.
 */
final class Counts {

    static final int GENERATIONS = 0;
    static final int SUCCESSES = 1;
    static final int FAILURES = 2;
    static final int RETRIES_OF_COMPLETED = 3;
    static final int RETRIED_SUCCESSES = 4;
    static final int RETRIED_FAILURES = 5;
    static final int RETRY_ATTEMPTS = 6;
    static final int VALIDATIONS_PASSED = 7;
    static final int VALIDATION_FAILURES = 8;
    static final int PROMPT_LENGTH_SUM = 9;
    static final int PROMPT_LENGTHS = 10;
    static final int CODE_LENGTH_SUM = 11;
    static final int CODE_LENGTHS = 12;
    static final int TIME_COUNT = 13;
    static final int TIME_SUM = 14;
    static final int VALIDATION_TIME_SUM = 15;
    /** Generation times in the fixed buckets of {@link FixedBuckets}, each bucket on its own (not cumulative). */
    static final int GENERATION_BUCKETS = 16;
    /** Validation times, likewise. */
    static final int VALIDATION_BUCKETS = GENERATION_BUCKETS + FixedBuckets.COUNT;
    static final int TIME_MAX = VALIDATION_BUCKETS + FixedBuckets.COUNT;
    /**
     * The counters kept since start ({@link CumulativeTotals}): every one before the maximum,
     * which is not cumulative, and the fine histogram, which the fixed buckets summarise.
     */
    static final int KEPT = TIME_MAX;
    static final int FIRST_BUCKET = TIME_MAX + 1;
    static final int SIZE = FIRST_BUCKET + LatencyHistogram.BUCKETS;

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] values = new long[SIZE];
    final KeyTally dependencies;

    Counts(int maxDependencies) {
        dependencies = new KeyTally(maxDependencies);
    }

    void generationStarted(GenerationRecord generation) {
        increment(GENERATIONS);
        if (generation.promptLength >= 0) {
            add(PROMPT_LENGTH_SUM, generation.promptLength);
            increment(PROMPT_LENGTHS);
        }
    }

    void generationCompleted(GenerationRecord generation) {
        boolean retried = generation.retries > 0;
        add(RETRIES_OF_COMPLETED, generation.retries);
        recordTime(generation.durationNanos);
        if (generation.succeeded()) {
            increment(SUCCESSES);
            count(generation.dependencies);
            if (retried) {
                increment(RETRIED_SUCCESSES);
            }
            if (generation.codeLength >= 0) {
                add(CODE_LENGTH_SUM, generation.codeLength);
                increment(CODE_LENGTHS);
            }
        } else {
            increment(FAILURES);
            if (retried) {
                increment(RETRIED_FAILURES);
            }
        }
    }

    /**
     * Each outcome has its own counter (passed, failed) rather than a total and the failures, so
     * that a reader, who sees no atomic cut, never takes a late failure for a pass.
     */
    void validationCompleted(ValidationRecord validation) {
        increment(validation.ok ? VALIDATIONS_PASSED : VALIDATION_FAILURES);
        long value = Math.max(0, validation.durationNanos);
        add(VALIDATION_TIME_SUM, value);
        increment(VALIDATION_BUCKETS + FixedBuckets.of(value, LatencyHistogram.bucketOf(value)));
    }

    /** Dependencies detected by a validation outside any generation, counted as they come. */
    void dependenciesDetected(ValidationRecord validation) {
        count(validation.detectedDependencies);
    }

    /** Counts each name, by index: the lists are bounded {@link NameList}s, and no iterator is made. */
    private void count(java.util.List<String> names) {
        for (int i = 0, n = names.size(); i < n; i++) {
            dependencies.increment(names.get(i));
        }
    }

    void retryStarted() {
        increment(RETRY_ATTEMPTS);
    }

    /** Adds these counts into {@code target} (a merge: sums, and the larger maximum). */
    void addTo(long[] target) {
        for (int i = 0, used = used(values); i < used; i++) {
            target[i] = merged(i, target[i], (long) LONGS.getOpaque(values, i));
        }
    }

    /** Adds the counters kept since start ({@link #KEPT}) into {@code target}. */
    void addKeptTo(long[] target) {
        for (int i = 0; i < KEPT; i++) {
            target[i] += (long) LONGS.getOpaque(values, i);
        }
    }

    /** Adds merged counts ({@link #addTo}'s target) into {@code target} the same way. */
    static void addMerged(long[] merged, long[] target) {
        for (int i = 0; i < SIZE; i++) {
            target[i] = merged(i, target[i], merged[i]);
        }
    }

    /** Merges {@code other} into these counts; the caller must be the only writer of both. */
    void absorb(Counts other) {
        for (int i = 0, used = used(other.values); i < used; i++) {
            long value = (long) LONGS.getOpaque(other.values, i);
            if (value != 0) {
                LONGS.setOpaque(values, i, merged(i, values[i], value));
            }
        }
        dependencies.absorb(other.dependencies);
    }

    /** Counter {@code index} of two counts taken together: the sum, or for the maximum the larger. */
    private static long merged(int index, long into, long value) {
        return index == TIME_MAX ? Math.max(into, value) : into + value;
    }

    /** Zeroes the counts for reuse; only once no reader can reach them (their thread has left its slice). */
    void clear() {
        for (int i = 0, used = used(values); i < used; i++) {
            LONGS.setOpaque(values, i, 0L);
        }
        dependencies.clear();
    }

    /**
     * How many leading counters can be other than zero: the histogram's buckets above the one
     * holding the maximum are empty. A maximum of 200 µs leaves 282 of the 721 counters to read,
     * one of a second 479.
     */
    private static int used(long[] values) {
        return FIRST_BUCKET + LatencyHistogram.bucketOf((long) LONGS.getAcquire(values, TIME_MAX)) + 1;
    }

    private void recordTime(long nanos) {
        long value = Math.max(0, nanos);
        // a new maximum is seen before its bucket, which a reader looks for only up to the maximum
        // (see used); the fence costs nothing on x86 and is reached only when the maximum grows
        if (value > values[TIME_MAX]) {
            LONGS.setOpaque(values, TIME_MAX, value);
            VarHandle.storeStoreFence();
        }
        int bucket = LatencyHistogram.bucketOf(value);
        increment(FIRST_BUCKET + bucket);
        increment(GENERATION_BUCKETS + FixedBuckets.of(value, bucket));
        increment(TIME_COUNT);
        add(TIME_SUM, value);
    }

    private void increment(int index) {
        LONGS.setOpaque(values, index, values[index] + 1);
    }

    private void add(int index, long delta) {
        LONGS.setOpaque(values, index, values[index] + delta);
    }
}
