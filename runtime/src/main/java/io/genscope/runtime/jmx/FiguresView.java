package io.genscope.runtime.jmx;

import io.genscope.runtime.analytics.Analytics;
import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.store.Dimension;

import java.time.Duration;
import java.util.Map;

/**
 * {@link FiguresMXBean} over one {@link Dimension} and one window, and the {@link AnyWindowMXBean}
 * queries over any other (exposed only by the MBeans whose interface extends it). Each attribute
 * read computes a fresh summary (the store keeps the sum of the window's past slices while they
 * do not change, see {@code SettledTotals}), so values are never stale.
 */
abstract class FiguresView implements FiguresMXBean, AnyWindowMXBean {

    private final Analytics analytics;
    private final Dimension dimension;
    private final Duration window;

    FiguresView(Analytics analytics, Dimension dimension, Duration window) {
        this.analytics = analytics;
        this.dimension = dimension;
        this.window = window;
    }

    @Override
    public AnalyticsSummary getSummary() {
        return analytics.summary(dimension, window);
    }

    @Override
    public long getWindowSeconds() {
        return getSummary().windowSeconds();
    }

    @Override
    public long getGenerations() {
        return getSummary().generations();
    }

    @Override
    public long getGenerationSuccesses() {
        return getSummary().generationSuccesses();
    }

    @Override
    public long getGenerationFailures() {
        return getSummary().generationFailures();
    }

    @Override
    public double getGenerationSuccessRate() {
        return getSummary().generationSuccessRate();
    }

    @Override
    public long getRetryAttempts() {
        return getSummary().retryAttempts();
    }

    @Override
    public double getAverageRetryCount() {
        return getSummary().averageRetryCount();
    }

    @Override
    public double getRetrySuccessRate() {
        return getSummary().retrySuccessRate();
    }

    @Override
    public long getValidations() {
        return getSummary().validations();
    }

    @Override
    public long getValidationFailures() {
        return getSummary().validationFailures();
    }

    @Override
    public double getValidationFailureRate() {
        return getSummary().validationFailureRate();
    }

    @Override
    public double getGenerationTimeP50Millis() {
        return getSummary().generationTimeP50Millis();
    }

    @Override
    public double getGenerationTimeP95Millis() {
        return getSummary().generationTimeP95Millis();
    }

    @Override
    public double getGenerationTimeP99Millis() {
        return getSummary().generationTimeP99Millis();
    }

    @Override
    public double getGenerationTimeMaxMillis() {
        return getSummary().generationTimeMaxMillis();
    }

    @Override
    public Map<String, Long> getTopValidationErrors() {
        return getSummary().topValidationErrors();
    }

    @Override
    public Map<String, Long> getDependencyUsage() {
        return getSummary().dependencyUsage();
    }

    @Override
    public Map<String, Long> getGenerationFailureTypes() {
        return getSummary().generationFailureTypes();
    }

    @Override
    public AnalyticsSummary summaryForWindow(long windowSeconds) {
        return analytics.summary(dimension, seconds(windowSeconds));
    }

    @Override
    public double validationFailureRate(long windowSeconds) {
        return analytics.validationFailureRate(dimension, seconds(windowSeconds));
    }

    @Override
    public Map<String, Long> topErrors(int n, long windowSeconds) {
        return analytics.topErrors(dimension, seconds(windowSeconds), n);
    }

    static Duration seconds(long windowSeconds) {
        if (windowSeconds <= 0) {
            throw new IllegalArgumentException("windowSeconds must be > 0, was " + windowSeconds);
        }
        return Duration.ofSeconds(windowSeconds);
    }
}
