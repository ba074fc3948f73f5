package io.genscope.runtime.jmx;

import io.genscope.runtime.Role;
import io.genscope.runtime.analytics.Analytics;
import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.store.TelemetryStore;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link TelemetryWindowMXBean} of one window: figures over everything, and by model and by generator. */
class TelemetryWindowView extends FiguresView implements TelemetryWindowMXBean {

    private final Analytics analytics;
    private final TelemetryStore store;
    private final List<RuleDiagnostics> rules;
    private final Duration window;

    TelemetryWindowView(Analytics analytics, TelemetryStore store, List<RuleDiagnostics> rules, Duration window) {
        super(analytics, Dimension.all(), window);
        this.analytics = analytics;
        this.store = store;
        this.rules = rules;
        this.window = window;
    }

    @Override
    public Map<String, AnalyticsSummary> getByModel() {
        Map<String, AnalyticsSummary> byModel = new LinkedHashMap<>();
        for (String model : store.models(window)) {
            byModel.put(model, analytics.summary(Dimension.model(model), window));
        }
        return byModel;
    }

    @Override
    public Map<String, AnalyticsSummary> getByGenerator() {
        Map<String, AnalyticsSummary> byRule = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).rule().role() == Role.GENERATION) {
                byRule.put(rules.get(i).rule().name(), analytics.summary(Dimension.rule(i), window));
            }
        }
        return byRule;
    }
}
