package io.genscope.runtime.jmx;

import io.genscope.runtime.analytics.Analytics;
import io.genscope.runtime.analytics.BreakdownRow;
import io.genscope.runtime.store.BreakdownDimension;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link BreakdownMXBean} of one dimension over one window; each read queries the store. */
final class BreakdownView implements BreakdownMXBean {

    private final Analytics analytics;
    private final BreakdownDimension dimension;
    private final Duration window;

    BreakdownView(Analytics analytics, BreakdownDimension dimension, Duration window) {
        this.analytics = analytics;
        this.dimension = dimension;
        this.window = window;
    }

    @Override
    public String getDimension() {
        return dimension.configName();
    }

    @Override
    public long getWindowSeconds() {
        return analytics.windowSeconds(window);
    }

    @Override
    public int getValues() {
        return analytics.breakdown(dimension, window).size();
    }

    @Override
    public Map<String, BreakdownFigures> getTop() {
        List<BreakdownRow> rows = analytics.breakdown(dimension, window);
        Map<String, BreakdownFigures> top = new LinkedHashMap<>();
        rows.stream().limit(TOP).forEach(row -> top.put(row.value(), BreakdownFigures.of(row)));
        return top;
    }
}
