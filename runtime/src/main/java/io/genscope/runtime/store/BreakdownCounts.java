package io.genscope.runtime.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The counts of one value of a {@link BreakdownDimension} (one variant, project, user or prompt
 * category) in one time slice: what a breakdown row is made of ({@link BreakdownTotals}), counted when a generation
 * completes, with coarse histograms of generation time and prompt length ({@link CoarseHistogram}).
 * One {@code long[]} (2.3 KB), so a row is one allocation and merges with one loop.
 *
 * <p>Single writer, like {@link Counts}: only the owning thread writes, with opaque stores, and
 * readers use opaque loads; a reader does not see an atomic cut across counters. Merged rows
 * (retired thread counts) are written under their slice's lock instead.
 */
final class BreakdownCounts {

    private static final int GENERATIONS = 0;
    private static final int SUCCESSES = 1;
    private static final int VALIDATED = 2;
    private static final int FIRST_PASS = 3;
    private static final int RETRIES = 4;
    private static final int VALIDATIONS = 5;
    private static final int VALIDATION_FAILURES = 6;
    private static final int PROMPT_LENGTH_SUM = 7;
    private static final int PROMPT_LENGTHS = 8;
    /** The counters kept since start ({@link CumulativeTotals}): the counts, before the sums and histograms. */
    static final int KEPT = 7;
    private static final int TIME_MAX = 9;
    private static final int PROMPT_LENGTH_MAX = 10;
    private static final int TIME_BUCKETS = 11;
    private static final int PROMPT_BUCKETS = TIME_BUCKETS + CoarseHistogram.BUCKETS;
    static final int SIZE = PROMPT_BUCKETS + CoarseHistogram.BUCKETS;

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final double MICROS_PER_MILLI = 1_000.0;

    private final long[] values = new long[SIZE];

    /** Counts {@code generation}, which has completed. */
    void completed(GenerationRecord generation) {
        increment(GENERATIONS);
        if (generation.succeeded()) {
            increment(SUCCESSES);
        }
        if (generation.validations > 0) {
            increment(VALIDATED);
            if (generation.firstValidationPassed) {
                increment(FIRST_PASS);
            }
            add(VALIDATIONS, generation.validations);
            add(VALIDATION_FAILURES, generation.failedValidations);
        }
        add(RETRIES, generation.retries);
        long micros = Math.max(0, generation.durationNanos) / 1_000;
        raiseMax(TIME_MAX, micros);
        increment(TIME_BUCKETS + CoarseHistogram.bucketOf(micros));
        if (generation.promptLength >= 0) {
            add(PROMPT_LENGTH_SUM, generation.promptLength);
            increment(PROMPT_LENGTHS);
            raiseMax(PROMPT_LENGTH_MAX, generation.promptLength);
            increment(PROMPT_BUCKETS + CoarseHistogram.bucketOf(generation.promptLength));
        }
    }

    /** Adds these counts into {@code target} (a merge: sums, and the larger maxima). */
    void addTo(long[] target) {
        for (int i = 0; i < SIZE; i++) {
            target[i] = merged(i, target[i], (long) LONGS.getOpaque(values, i));
        }
    }

    /** Adds the counters kept since start ({@link #KEPT}) into {@code target}. */
    void addKeptTo(long[] target) {
        for (int i = 0; i < KEPT; i++) {
            target[i] += (long) LONGS.getOpaque(values, i);
        }
    }

    /** Merges {@code other} into these counts; the caller must be the only writer of both. */
    void absorb(BreakdownCounts other) {
        for (int i = 0; i < SIZE; i++) {
            long value = (long) LONGS.getOpaque(other.values, i);
            if (value != 0) {
                LONGS.setOpaque(values, i, merged(i, values[i], value));
            }
        }
    }

    /** The figures of merged counts ({@link #addTo}'s target). */
    static BreakdownTotals totals(long[] merged) {
        return new BreakdownTotals(merged[GENERATIONS], merged[SUCCESSES], merged[VALIDATED], merged[FIRST_PASS],
                merged[RETRIES], merged[VALIDATIONS], merged[VALIDATION_FAILURES],
                quantile(merged, TIME_BUCKETS, merged[GENERATIONS], merged[TIME_MAX], 0.50) / MICROS_PER_MILLI,
                quantile(merged, TIME_BUCKETS, merged[GENERATIONS], merged[TIME_MAX], 0.95) / MICROS_PER_MILLI,
                merged[PROMPT_LENGTHS] == 0 ? 0 : (double) merged[PROMPT_LENGTH_SUM] / merged[PROMPT_LENGTHS],
                quantile(merged, PROMPT_BUCKETS, merged[PROMPT_LENGTHS], merged[PROMPT_LENGTH_MAX], 0.50),
                quantile(merged, PROMPT_BUCKETS, merged[PROMPT_LENGTHS], merged[PROMPT_LENGTH_MAX], 0.95));
    }

    private static double quantile(long[] merged, int from, long total, long max, double quantile) {
        return CoarseHistogram.quantile(merged, from, total, max, quantile);
    }

    private static long merged(int index, long into, long value) {
        return index == TIME_MAX || index == PROMPT_LENGTH_MAX ? Math.max(into, value) : into + value;
    }

    private void raiseMax(int index, long value) {
        if (value > values[index]) {
            LONGS.setOpaque(values, index, value);
        }
    }

    private void increment(int index) {
        LONGS.setOpaque(values, index, values[index] + 1);
    }

    private void add(int index, long delta) {
        LONGS.setOpaque(values, index, values[index] + delta);
    }
}
