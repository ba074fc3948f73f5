package io.genscope.runtime.jmx;

import io.genscope.runtime.analytics.RequestSummary;
import io.genscope.runtime.store.RequestTotals;

/** The {@link RequestsMXBean}, read live from the request totals: each attribute from a fresh {@link RequestSummary}. */
final class RequestsView implements RequestsMXBean {

    private final RequestTotals totals;

    RequestsView(RequestTotals totals) {
        this.totals = totals;
    }

    private RequestSummary now() {
        return RequestSummary.of(totals);
    }

    @Override
    public long getRequests() {
        return now().requests();
    }

    @Override
    public long getSucceeded() {
        return now().succeeded();
    }

    @Override
    public long getGenerationFailed() {
        return now().generationFailed();
    }

    @Override
    public long getThrew() {
        return now().threw();
    }

    @Override
    public double getSuccessRate() {
        return now().successRate();
    }

    @Override
    public long getGenerations() {
        return now().generations();
    }

    @Override
    public double getGenerationsPerRequest() {
        return now().generationsPerRequest();
    }

    @Override
    public long getWithoutGeneration() {
        return now().withoutGeneration();
    }

    @Override
    public double getTimeMeanMillis() {
        return now().timeMeanMillis();
    }

    @Override
    public double getTimeP50Millis() {
        return now().timeP50Millis();
    }

    @Override
    public double getTimeP95Millis() {
        return now().timeP95Millis();
    }

    @Override
    public double getTimeMaxMillis() {
        return now().timeMaxMillis();
    }

    @Override
    public long getHeldValidationOverflows() {
        return now().heldValidationOverflows();
    }
}
