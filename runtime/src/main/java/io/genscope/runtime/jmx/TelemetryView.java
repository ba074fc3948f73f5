package io.genscope.runtime.jmx;

import io.genscope.runtime.analytics.Analytics;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.export.EventJson;
import io.genscope.runtime.store.TelemetryStore;

import java.util.List;

/** The {@link TelemetryMXBean}: figures over everything in the default window, plus export and reset. */
final class TelemetryView extends TelemetryWindowView implements TelemetryMXBean {

    private final TelemetryStore store;
    private final List<RuleDiagnostics> rules;

    TelemetryView(Analytics analytics, TelemetryStore store, List<RuleDiagnostics> rules) {
        super(analytics, store, rules, analytics.defaultWindow());
        this.store = store;
        this.rules = rules;
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
