package io.genscope.runtime.contract;

import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.testing.GeneratorLoop;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The store contract read straight from {@link io.genscope.runtime.analytics.Analytics}. */
class AnalyticsFiguresTest extends StoreFiguresContract {

    @Override
    protected FiguresReader reader(GeneratorLoop loop) {
        return new FiguresReader() {
            @Override
            public Figures all() {
                return figures(loop.analytics.summary(Dimension.all()));
            }

            @Override
            public Figures allOver(Duration window) {
                return figures(loop.analytics.summary(Dimension.all(), window));
            }

            @Override
            public Figures generator(String rule) {
                int index = loop.rules.stream().map(r -> r.rule().name()).toList().indexOf(rule);
                return figures(loop.analytics.summary(Dimension.rule(index)));
            }

            @Override
            public Figures model(String model) {
                return figures(loop.analytics.summary(Dimension.model(model)));
            }

            @Override
            public void reset() {
                loop.store.reset();
                loop.rules.forEach(RuleDiagnostics::reset);
            }
        };
    }

    private static Figures figures(AnalyticsSummary summary) {
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            for (RecordComponent component : AnalyticsSummary.class.getRecordComponents()) {
                values.put(component.getName(), component.getAccessor().invoke(summary));
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return new Figures(values);
    }
}
