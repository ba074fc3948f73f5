package io.genscope.runtime.jmx;

import io.genscope.runtime.Role;
import io.genscope.runtime.analytics.Analytics;
import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.export.EventJson;
import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.store.TelemetryStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link TelemetryMXBean}: figures over everything, plus breakdowns, export and reset. */
final class TelemetryView extends FiguresView implements TelemetryMXBean {

    private final Analytics analytics;
    private final TelemetryStore store;
    private final List<RuleDiagnostics> rules;

    TelemetryView(Analytics analytics, TelemetryStore store, List<RuleDiagnostics> rules) {
        super(analytics, Dimension.all());
        this.analytics = analytics;
        this.store = store;
        this.rules = rules;
    }

    @Override
    public Map<String, AnalyticsSummary> getByModel() {
        Map<String, AnalyticsSummary> byModel = new LinkedHashMap<>();
        for (String model : store.models(analytics.defaultWindow())) {
            byModel.put(model, analytics.summary(Dimension.model(model)));
        }
        return byModel;
    }

    @Override
    public Map<String, AnalyticsSummary> getByGenerator() {
        Map<String, AnalyticsSummary> byRule = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).rule().role() == Role.GENERATION) {
                byRule.put(rules.get(i).rule().name(), analytics.summary(Dimension.rule(i)));
            }
        }
        return byRule;
    }

    @Override
    public String exportEvents(int max) {
        return EventJson.toJson(store.events(Math.min(max, TelemetryMXBean.MAX_EXPORTED_EVENTS)));
    }

    @Override
    public void reset() {
        store.reset();
        rules.forEach(RuleDiagnostics::reset);
    }
}
