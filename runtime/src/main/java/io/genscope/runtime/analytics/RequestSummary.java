package io.genscope.runtime.analytics;

import io.genscope.runtime.store.DurationDistribution;
import io.genscope.runtime.store.RequestTotals;

/**
 * The requests of the {@code request} rules since start, as the Requests MBean shows them (each
 * component is the attribute of the same name) and the summaries print them. Rates and means are
 * 0 when no request has ended; times are in milliseconds, percentiles within about 3 %.
 *
 * @param requests                requests ended
 * @param succeeded               returned normally, none of their generations failed
 * @param generationFailed        returned normally while one of their generations failed
 * @param threw                   the request call threw
 * @param successRate             succeeded / requests
 * @param generations             generations started inside requests
 * @param generationsPerRequest   generations / requests
 * @param withoutGeneration       requests that started no generation
 * @param timeMeanMillis          mean request time
 * @param timeP50Millis           median request time
 * @param timeP95Millis           95th percentile request time
 * @param timeMaxMillis           longest request time
 * @param heldValidationOverflows validations before a request's first generation recorded outside
 *                                any generation because the thread already held
 *                                {@value RequestTotals#MAX_HELD_VALIDATIONS}
 */
public record RequestSummary(
        long requests,
        long succeeded,
        long generationFailed,
        long threw,
        double successRate,
        long generations,
        double generationsPerRequest,
        long withoutGeneration,
        double timeMeanMillis,
        double timeP50Millis,
        double timeP95Millis,
        double timeMaxMillis,
        long heldValidationOverflows) {

    private static final double NANOS_PER_MILLI = 1e6;

    /** The figures of {@code totals} now. */
    public static RequestSummary of(RequestTotals totals) {
        long succeeded = totals.count(RequestTotals.Outcome.SUCCEEDED);
        long generationFailed = totals.count(RequestTotals.Outcome.GENERATION_FAILED);
        long threw = totals.count(RequestTotals.Outcome.THREW);
        long requests = succeeded + generationFailed + threw;
        long generations = totals.generations();
        DurationDistribution times = totals.times();
        return new RequestSummary(requests, succeeded, generationFailed, threw, ratio(succeeded, requests),
                generations, ratio(generations, requests), totals.withoutGeneration(),
                times.meanNanos() / NANOS_PER_MILLI, times.quantileNanos(0.50) / NANOS_PER_MILLI,
                times.quantileNanos(0.95) / NANOS_PER_MILLI, times.maxNanos() / NANOS_PER_MILLI,
                totals.heldValidationOverflows());
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
