package io.genscope.runtime.jmx;

import io.genscope.runtime.analytics.Analytics;
import io.genscope.runtime.analytics.VariantRows;
import io.genscope.runtime.analytics.compare.AbComparison;
import io.genscope.runtime.analytics.compare.VariantComparator;
import io.genscope.runtime.analytics.compare.VariantComparison;

import java.time.Duration;
import java.util.Map;

/** The {@link VariantsMXBean} of one window: the per-variant rows of that window, compared. */
class VariantsView implements VariantsMXBean {

    private final Analytics analytics;
    private final VariantRows rows;
    private final VariantComparator comparator;
    private final Duration window;

    VariantsView(Analytics analytics, VariantRows rows, VariantComparator comparator, Duration window) {
        this.analytics = analytics;
        this.rows = rows;
        this.comparator = comparator;
        this.window = window;
    }

    @Override
    public AbComparison getComparison() {
        return comparison(window);
    }

    @Override
    public long getWindowSeconds() {
        return analytics.coveredSeconds(window);
    }

    @Override
    public String getBaseline() {
        return getComparison().baseline();
    }

    @Override
    public Map<String, VariantComparison> getComparisons() {
        return getComparison().comparisons();
    }

    @Override
    public AbComparison comparisonForWindow(long windowSeconds) {
        return comparison(FiguresView.seconds(windowSeconds));
    }

    private AbComparison comparison(Duration span) {
        return comparator.compare(rows.variants(span), analytics.coveredSeconds(span));
    }
}
