package io.genscope.runtime.jmx;

import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import io.genscope.runtime.testing.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.time.Duration;
import java.util.Map;

import static io.genscope.runtime.testing.GenscopeMBeans.name;
import static io.genscope.runtime.testing.GenscopeMBeans.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code store.windows} [5m, 1h, 1d] over 1 min slices kept for a day, default window 1h: each
 * window is an MBean of attributes only, {@code type=Telemetry,window=<w>}, whose figures and
 * tables equal what the {@code summaryForWindow} operation gives for the same window.
 */
class WindowMBeansTest {

    private static final ObjectName TELEMETRY = name("type=Telemetry");

    private final JmxFixture jmx = new JmxFixture(TestSettings.slices(Duration.ofMinutes(1), Duration.ofHours(1),
            Duration.ofDays(1)).windows(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1)).build());

    /** One generation 2 h 10 min ago (with a failed validation), two 10 min ago, one now. */
    @BeforeEach
    void recordAcrossTheWindows() throws Exception {
        jmx.loop.generate(Request.of("gpt-4"), () -> {
            jmx.loop.compile(Verdict.failed("E1"));
            return Code.of("x");
        });
        jmx.loop.clock.advance(Duration.ofHours(2));
        jmx.loop.generate(Request.of("claude"), () -> Code.of("x"));
        jmx.loop.generate(Request.of("claude"), () -> Code.of("x"));
        jmx.loop.clock.advance(Duration.ofMinutes(10));
        jmx.loop.generate(Request.of("claude"), () -> Code.of("x"));
        jmx.start();
    }

    private Object attribute(ObjectName mbean, String attribute) throws JMException {
        return jmx.server.getAttribute(mbean, attribute);
    }

    private CompositeData summaryFor(ObjectName mbean, long windowSeconds) throws JMException {
        return (CompositeData) jmx.server.invoke(mbean, "summaryForWindow", new Object[] {windowSeconds},
                new String[] {"long"});
    }

    @Test
    void eachWindowHasAnMBeanOfAttributesNamedByItsShortestSpelling() throws JMException {
        assertThat(jmx.registered()).contains(name("type=Telemetry,window=5m"), name("type=Telemetry,window=1h"),
                name("type=Telemetry,window=1d"));
        for (String window : new String[] {"5m", "1h", "1d"}) {
            assertThat(jmx.server.getMBeanInfo(name("type=Telemetry,window=" + window)).getOperations())
                    .as("operations of window %s", window).isEmpty();
        }
    }

    @Test
    void eachWindowsFiguresEqualTheOperationsForTheSameWindow() throws JMException {
        Map<String, Long> windows = Map.of("5m", 300L, "1h", 3600L, "1d", 86_400L);
        Map<String, Long> generations = Map.of("5m", 1L, "1h", 3L, "1d", 4L);
        for (Map.Entry<String, Long> window : windows.entrySet()) {
            ObjectName mbean = name("type=Telemetry,window=" + window.getKey());
            CompositeData expected = summaryFor(TELEMETRY, window.getValue());

            assertThat(attribute(mbean, "Summary")).as(window.getKey()).isEqualTo(expected);
            assertThat(attribute(mbean, "Generations")).as(window.getKey()).isEqualTo(generations.get(window.getKey()));
            assertThat(attribute(mbean, "WindowSeconds")).isEqualTo(window.getValue());
            assertThat(attribute(mbean, "ValidationFailures")).isEqualTo(expected.get("validationFailures"));
        }
        assertThat(attribute(name("type=Telemetry,window=1d"), "TopValidationErrors"))
                .isEqualTo(jmx.server.invoke(TELEMETRY, "topErrors", new Object[] {10, 86_400L}, new String[] {"int", "long"}));
    }

    @Test
    void theDefaultWindowListedAgainEqualsTheTelemetryMBean() throws JMException {
        assertThat(attribute(name("type=Telemetry,window=1h"), "Summary")).isEqualTo(attribute(TELEMETRY, "Summary"));
    }

    @Test
    void eachWindowsTablesByModelAndGeneratorEqualThoseMBeansOperations() throws Exception {
        ObjectName day = name("type=Telemetry,window=1d");
        await().until(() -> jmx.server.isRegistered(named("Model", "gpt-4")) && jmx.server.isRegistered(named("Model", "claude")));

        TabularData byModel = (TabularData) attribute(day, "ByModel");
        TabularData byGenerator = (TabularData) attribute(day, "ByGenerator");

        assertThat(byModel.size()).isEqualTo(2);
        for (String model : new String[] {"gpt-4", "claude"}) {
            assertThat(byModel.get(new Object[] {model}).get("value")).as(model)
                    .isEqualTo(summaryFor(named("Model", model), 86_400L));
        }
        assertThat(byGenerator.get(new Object[] {"generate"}).get("value"))
                .isEqualTo(summaryFor(named("Generator", "generate"), 86_400L));
        assertThat(((CompositeData) ((TabularData) attribute(name("type=Telemetry,window=5m"), "ByModel"))
                .get(new Object[] {"claude"}).get("value")).get("generations")).isEqualTo(1L);
    }
}
