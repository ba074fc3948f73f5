package io.genscope.runtime.jmx;

import io.genscope.runtime.store.RequestTotals;

/**
 * {@code io.genscope:type=Requests}: the requests of the {@code request} rules since start, each
 * the outermost request-role call on its thread with the generations, validations and retries
 * made inside it. Registered only when a rule has the role {@code request}.
 */
@Description("Genscope: requests (outermost calls of request rules) since start: outcomes, times, generations per"
        + " request")
public interface RequestsMXBean {

    @Description("Requests ended since start")
    long getRequests();

    @Description("Requests that returned normally and none of whose generations failed")
    long getSucceeded();

    @Description("Requests that returned normally while one of their generations failed (threw, or its success-when"
            + " was false)")
    long getGenerationFailed();

    @Description("Requests whose call threw")
    long getThrew();

    @Description("Succeeded / Requests, in [0, 1]; 0 when no request ended")
    double getSuccessRate();

    @Description("Generations started inside requests")
    long getGenerations();

    @Description("Generations / Requests: the mean number of generations per request; 0 when no request ended")
    double getGenerationsPerRequest();

    @Description("Requests that started no generation")
    long getWithoutGeneration();

    @Description("Mean request time in ms; 0 when no request ended")
    double getTimeMeanMillis();

    @Description("Median request time in ms (within ~3%)")
    double getTimeP50Millis();

    @Description("95th percentile request time in ms (within ~3%)")
    double getTimeP95Millis();

    @Description("Longest request time in ms")
    double getTimeMaxMillis();

    @Description("Validations made before a request's first generation that found its thread already holding "
            + RequestTotals.MAX_HELD_VALIDATIONS + " and so were recorded outside any generation")
    long getHeldValidationOverflows();
}
