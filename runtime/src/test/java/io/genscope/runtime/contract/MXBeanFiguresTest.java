package io.genscope.runtime.contract;

import io.genscope.runtime.diagnostics.ErrorJournal;
import io.genscope.runtime.jmx.JmxExporter;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GenscopeMBeans;
import org.junit.jupiter.api.Test;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store contract read as a JMX client without Genscope's classes would: attributes and
 * operation results of the registered MXBeans as generic open types ({@code CompositeData},
 * {@code TabularData}), no proxies.
 */
class MXBeanFiguresTest extends StoreFiguresContract {

    private static final ObjectName TELEMETRY = GenscopeMBeans.name("type=Telemetry");

    /** Of this test's own: an exporter of an earlier test, whose thread may still register a model, never touches it. */
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @Override
    protected FiguresReader reader(GeneratorLoop loop) {
        JmxExporter exporter = new JmxExporter(loop.analytics, loop.store, loop.rules, new ErrorJournal(loop.log),
                "test", GeneratorLoop.config("genscope.yaml"), GeneratorLoop.NO_RELOAD, List::of);
        loop.modelListeners.add(exporter::modelChanged);
        exporter.start(server);
        return new FiguresReader() {
            @Override
            public Figures all() {
                return summaryOf(TELEMETRY);
            }

            @Override
            public Figures allOver(Duration window) {
                return figures((CompositeData) invoke(TELEMETRY, "summaryForWindow",
                        new Object[] {window.toSeconds()}, new String[] {long.class.getName()}));
            }

            @Override
            public Figures generator(String rule) {
                return summaryOf(GenscopeMBeans.named("Generator", rule));
            }

            @Override
            public Figures model(String model) {
                ObjectName name = GenscopeMBeans.named("Model", model);
                await().until(() -> server.isRegistered(name));
                return summaryOf(name);
            }

            @Override
            public void reset() {
                invoke(TELEMETRY, "reset", new Object[0], new String[0]);
            }
        };
    }

    private Object attribute(ObjectName name, String attribute) {
        try {
            return server.getAttribute(name, attribute);
        } catch (JMException e) {
            throw new AssertionError(name + " " + attribute, e);
        }
    }

    private Object invoke(ObjectName name, String operation, Object[] params, String[] signature) {
        try {
            return server.invoke(name, operation, params, signature);
        } catch (JMException e) {
            throw new AssertionError(name + " " + operation, e);
        }
    }

    private Figures summaryOf(ObjectName name) {
        return figures((CompositeData) attribute(name, "Summary"));
    }

    private static Figures figures(CompositeData summary) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String item : summary.getCompositeType().keySet()) {
            Object value = summary.get(item);
            values.put(item, value instanceof TabularData table ? map(table) : value);
        }
        return new Figures(values);
    }

    private static Map<String, Long> map(TabularData table) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Object row : table.values()) {
            CompositeData entry = (CompositeData) row;
            map.put((String) entry.get("key"), (Long) entry.get("value"));
        }
        return map;
    }

    @Test
    void eachPlainAttributeEqualsTheSameFigureOfTheSummary() throws Exception {
        runKnownLoop();

        Figures summary = summaryOf(TELEMETRY);
        for (var attribute : server.getMBeanInfo(TELEMETRY).getAttributes()) {
            String item = Character.toLowerCase(attribute.getName().charAt(0)) + attribute.getName().substring(1);
            if (summary.values().containsKey(item)) {
                Object value = attribute(TELEMETRY, attribute.getName());
                assertThat(value instanceof TabularData table ? map(table) : value).as(item)
                        .isEqualTo(summary.values().get(item));
            }
        }
    }

    @Test
    void validationFailureRateAndTopErrorsOperationsReadTheirWindow() throws Exception {
        runKnownLoop();

        Object rate = invoke(TELEMETRY, "validationFailureRate", new Object[] {60L}, new String[] {"long"});
        Object top = invoke(TELEMETRY, "topErrors", new Object[] {1, 60L}, new String[] {"int", "long"});

        assertThat(rate).isEqualTo(0.5);
        assertThat(map((TabularData) top)).containsExactly(Map.entry("E1", 2L));
    }

    @Test
    void breakdownsByModelAndGeneratorHoldTheSameSummaries() throws Exception {
        runKnownLoop();

        TabularData byModel = (TabularData) attribute(TELEMETRY, "ByModel");
        TabularData byGenerator = (TabularData) attribute(TELEMETRY, "ByGenerator");

        Map<String, Figures> models = breakdown(byModel);
        assertThat(models).containsOnlyKeys("gpt-4", "claude");
        ObjectName gpt4 = GenscopeMBeans.named("Model", "gpt-4");
        await().until(() -> server.isRegistered(gpt4));
        assertThat(models.get("gpt-4")).isEqualTo(summaryOf(gpt4));
        Map<String, Figures> generators = breakdown(byGenerator);
        assertThat(generators).containsOnlyKeys("generate", "generate-declared");
        assertThat(generators.get("generate")).isEqualTo(summaryOf(GenscopeMBeans.named("Generator", "generate")));
    }

    private static Map<String, Figures> breakdown(TabularData table) {
        Map<String, Figures> rows = new LinkedHashMap<>();
        for (Object row : table.values()) {
            CompositeData entry = (CompositeData) row;
            rows.put((String) entry.get("key"), figures((CompositeData) entry.get("value")));
        }
        return rows;
    }
}
