package io.genscope.runtime.jmx;

import io.genscope.runtime.store.RequestTotals;

/** The {@link RequestsMXBean}, read live from the request totals; each read is a fresh copy. */
final class RequestsView implements RequestsMXBean {

    private static final double NANOS_PER_MILLI = 1e6;

    private final RequestTotals totals;

    RequestsView(RequestTotals totals) {
        this.totals = totals;
    }

    @Override
    public long getRequests() {
        return totals.requests();
    }

    @Override
    public long getSucceeded() {
        return totals.count(RequestTotals.Outcome.SUCCEEDED);
    }

    @Override
    public long getGenerationFailed() {
        return totals.count(RequestTotals.Outcome.GENERATION_FAILED);
    }

    @Override
    public long getThrew() {
        return totals.count(RequestTotals.Outcome.THREW);
    }

    @Override
    public double getSuccessRate() {
        return ratio(getSucceeded(), getRequests());
    }

    @Override
    public long getGenerations() {
        return totals.generations();
    }

    @Override
    public double getGenerationsPerRequest() {
        return ratio(getGenerations(), getRequests());
    }

    @Override
    public long getWithoutGeneration() {
        return totals.withoutGeneration();
    }

    @Override
    public double getTimeMeanMillis() {
        return totals.times().meanNanos() / NANOS_PER_MILLI;
    }

    @Override
    public double getTimeP50Millis() {
        return totals.times().quantileNanos(0.50) / NANOS_PER_MILLI;
    }

    @Override
    public double getTimeP95Millis() {
        return totals.times().quantileNanos(0.95) / NANOS_PER_MILLI;
    }

    @Override
    public double getTimeMaxMillis() {
        return totals.times().maxNanos() / NANOS_PER_MILLI;
    }

    @Override
    public long getHeldValidationOverflows() {
        return totals.heldValidationOverflows();
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
