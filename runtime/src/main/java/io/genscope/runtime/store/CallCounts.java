package io.genscope.runtime.store;

/**
 * The counters one generator and model (or the calls outside any generation) have kept since
 * start: a read-only view of one {@link CumulativeTotals} snapshot. Each outcome has a counter of
 * its own, so each figure only ever grows from one snapshot to the next.
 */
public final class CallCounts {

    private final long[] counts;

    CallCounts(long[] counts) {
        this.counts = counts;
    }

    /** Completed generations that returned normally. */
    public long successes() {
        return counts[Counts.SUCCESSES];
    }

    /** Completed generations that threw. */
    public long failures() {
        return counts[Counts.FAILURES];
    }

    /** Retry calls, counted when they start. */
    public long retries() {
        return counts[Counts.RETRY_ATTEMPTS];
    }

    /** Completed generations that retried at least once and then succeeded. */
    public long retriedSuccesses() {
        return counts[Counts.RETRIED_SUCCESSES];
    }

    /** Completed generations that retried at least once and then failed. */
    public long retriedFailures() {
        return counts[Counts.RETRIED_FAILURES];
    }

    public long validationsPassed() {
        return counts[Counts.VALIDATIONS_PASSED];
    }

    public long validationsFailed() {
        return counts[Counts.VALIDATION_FAILURES];
    }

    /** Generation times: per bound of {@link FixedBuckets#labels()}, how many took at most that long. */
    public long[] generationBuckets() {
        return cumulative(Counts.GENERATION_BUCKETS);
    }

    /** The sum of generation times, in seconds. */
    public double generationSeconds() {
        return counts[Counts.TIME_SUM] / 1e9;
    }

    /** Validation times: per bound of {@link FixedBuckets#labels()}, how many took at most that long. */
    public long[] validationBuckets() {
        return cumulative(Counts.VALIDATION_BUCKETS);
    }

    /** The sum of validation times, in seconds. */
    public double validationSeconds() {
        return counts[Counts.VALIDATION_TIME_SUM] / 1e9;
    }

    /** Prometheus' buckets count every value up to their bound, so each adds those before it. */
    private long[] cumulative(int first) {
        long[] buckets = new long[FixedBuckets.COUNT];
        long sum = 0;
        for (int i = 0; i < buckets.length; i++) {
            sum += counts[first + i];
            buckets[i] = sum;
        }
        return buckets;
    }
}
