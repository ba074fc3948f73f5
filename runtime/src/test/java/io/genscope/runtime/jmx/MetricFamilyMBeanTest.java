package io.genscope.runtime.jmx;

import io.genscope.runtime.diagnostics.ErrorJournal;
import io.genscope.runtime.metrics.Label;
import io.genscope.runtime.metrics.MetricFamily;
import io.genscope.runtime.metrics.MetricType;
import io.genscope.runtime.metrics.Sample;
import io.genscope.runtime.testing.GeneratorLoop;
import org.junit.jupiter.api.Test;

import javax.management.Attribute;
import javax.management.AttributeNotFoundException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.genscope.runtime.testing.GenscopeMBeans.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shape the Metrics MBeans give the Prometheus JMX exporter: one MBean per family under
 * {@code type=Metrics}, one plain {@code double} attribute per series named as Prometheus names
 * it, label values as they are, new series as they come, nothing writable, everything described.
 */
class MetricFamilyMBeanTest {

    private static final ObjectName GENERATIONS = name("type=Metrics,name=genscope_generations");
    private static final ObjectName DURATION = name("type=Metrics,name=genscope_generation_duration_seconds");

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final GeneratorLoop loop = new GeneratorLoop();
    private final List<MetricFamily> families = new ArrayList<>();

    private void start() {
        new JmxExporter(loop.analytics, loop.store, loop.rules, new ErrorJournal(loop.log), "1", GeneratorLoop.config("f"), GeneratorLoop.NO_RELOAD,
                () -> List.copyOf(families)).start(server);
    }

    private static Sample sample(String name, double value, String... labels) {
        List<Label> list = new ArrayList<>();
        for (int i = 0; i < labels.length; i += 2) {
            list.add(new Label(labels[i], labels[i + 1]));
        }
        return new Sample(name, list, value);
    }

    private static MetricFamily generations(Sample... samples) {
        return new MetricFamily("genscope_generations", MetricType.COUNTER, "", "Completed generations", List.of(samples));
    }

    private static MetricFamily duration() {
        return new MetricFamily("genscope_generation_duration_seconds", MetricType.HISTOGRAM, "seconds",
                "Time a generation took", List.of(
                sample("genscope_generation_duration_seconds_bucket", 2, "generator", "generate", "model", "m", "le", "0.005"),
                sample("genscope_generation_duration_seconds_bucket", 3, "generator", "generate", "model", "m", "le", "+Inf"),
                sample("genscope_generation_duration_seconds_sum", 0.75, "generator", "generate", "model", "m"),
                sample("genscope_generation_duration_seconds_count", 3, "generator", "generate", "model", "m")));
    }

    private Map<String, MBeanAttributeInfo> attributes(ObjectName name) throws Exception {
        return java.util.Arrays.stream(server.getMBeanInfo(name).getAttributes())
                .collect(Collectors.toMap(MBeanAttributeInfo::getName, a -> a));
    }

    @Test
    void anAttributeIsNamedAsPrometheusNamesTheSeriesWithTheLabelValuesAsTheyAre() {
        Sample awkward = sample("genscope_dependencies_total", 1, "generator", "gen", "dependency", "a,b=\"c\"\\d>: e");

        assertThat(MetricFamilyMBean.attributeName(awkward))
                .isEqualTo("genscope_dependencies_total{generator=\"gen\",dependency=\"a,b=\"c\"\\d>: e\"}");
        assertThat(MetricFamilyMBean.attributeName(sample("genscope_up", 1))).isEqualTo("genscope_up{}");
    }

    @Test
    void oneMBeanPerFamilyShowsEachSeriesAsAPlainNumber() throws Exception {
        families.add(generations(
                sample("genscope_generations_total", 7, "generator", "generate", "model", "codex-mini", "outcome", "success"),
                sample("genscope_generations_total", 2, "generator", "generate", "model", "codex-mini", "outcome", "failure")));
        families.add(duration());
        start();

        assertThat(server.queryNames(name("type=Metrics,*"), null)).containsExactlyInAnyOrder(GENERATIONS, DURATION);
        Map<String, MBeanAttributeInfo> attributes = attributes(GENERATIONS);
        String success = "genscope_generations_total{generator=\"generate\",model=\"codex-mini\",outcome=\"success\"}";
        String failure = "genscope_generations_total{generator=\"generate\",model=\"codex-mini\",outcome=\"failure\"}";
        assertThat(attributes).containsOnlyKeys(success, failure);
        assertThat(attributes.values()).allSatisfy(a -> {
            assertThat(a.getType()).isEqualTo("double");
            assertThat(a.isReadable()).isTrue();
            assertThat(a.isWritable()).isFalse();
            assertThat(a.getDescriptor().getFieldValue("metricType")).isEqualTo("counter");
        });
        assertThat(server.getAttribute(GENERATIONS, success)).isEqualTo(7.0);
        assertThat(server.getAttributes(GENERATIONS, new String[] {failure, success}).asList())
                .extracting(Attribute::getValue).containsExactly(2.0, 7.0);
        assertThat(attributes(DURATION)).containsOnlyKeys(
                "genscope_generation_duration_seconds_bucket{generator=\"generate\",model=\"m\",le=\"0.005\"}",
                "genscope_generation_duration_seconds_bucket{generator=\"generate\",model=\"m\",le=\"+Inf\"}",
                "genscope_generation_duration_seconds_sum{generator=\"generate\",model=\"m\"}",
                "genscope_generation_duration_seconds_count{generator=\"generate\",model=\"m\"}");
        assertThat(server.getAttribute(DURATION, "genscope_generation_duration_seconds_sum{generator=\"generate\",model=\"m\"}"))
                .isEqualTo(0.75);
    }

    @Test
    void seriesCountedAfterStartAppearInTheMBeanInfoAndTheValuesAreRead() throws Exception {
        families.add(generations());
        start();
        assertThat(server.getMBeanInfo(GENERATIONS).getAttributes()).isEmpty();
        assertThat(server.getMBeanInfo(GENERATIONS).getDescriptor().getFieldValue("immutableInfo")).isEqualTo("false");

        families.set(0, generations(sample("genscope_generations_total", 1, "generator", "g", "model", "m", "outcome", "success")));
        String series = "genscope_generations_total{generator=\"g\",model=\"m\",outcome=\"success\"}";

        assertThat(attributes(GENERATIONS)).containsOnlyKeys(series);
        assertThat(server.getAttribute(GENERATIONS, series)).isEqualTo(1.0);
    }

    @Test
    void everythingExplainsItselfAndAHistogramsSumCarriesItsUnit() throws Exception {
        families.add(duration());
        start();

        MBeanInfo info = server.getMBeanInfo(DURATION);
        assertThat(info.getDescription()).startsWith("Genscope fleet metric genscope_generation_duration_seconds (histogram,")
                .contains("Time a generation took").contains("docs/prometheus/jmx-exporter.yaml");
        assertThat(info.getOperations()).isEmpty();
        Map<String, MBeanAttributeInfo> attributes = attributes(DURATION);
        assertThat(attributes.values()).allSatisfy(a ->
                assertThat(a.getDescription()).startsWith("Time a generation took").isNotEqualTo(a.getName()));
        MBeanAttributeInfo sum = attributes.get("genscope_generation_duration_seconds_sum{generator=\"generate\",model=\"m\"}");
        assertThat(sum.getDescription()).contains("in seconds");
        assertThat(sum.getDescriptor().getFieldValue("units")).isEqualTo("seconds");
        assertThat(attributes.get("genscope_generation_duration_seconds_count{generator=\"generate\",model=\"m\"}")
                .getDescriptor().getFieldValue("units")).isNull();
    }

    @Test
    void nothingIsWritableOrInvocableAndAnUnknownSeriesIsNotFound() {
        families.add(generations());
        start();

        assertThatThrownBy(() -> server.getAttribute(GENERATIONS, "genscope_generations_total{}"))
                .isInstanceOf(AttributeNotFoundException.class);
        assertThatThrownBy(() -> server.setAttribute(GENERATIONS, new Attribute("genscope_generations_total{}", 0.0)))
                .isInstanceOf(AttributeNotFoundException.class);
        assertThatThrownBy(() -> server.invoke(GENERATIONS, "reset", new Object[0], new String[0]))
                .hasCauseInstanceOf(NoSuchMethodException.class);
    }

    @Test
    void aSourceThatFailsCostsOnlyTheMetricsMBeansAndIsLoggedOnce() throws Exception {
        new JmxExporter(loop.analytics, loop.store, loop.rules, new ErrorJournal(loop.log), "1", GeneratorLoop.config("f"), GeneratorLoop.NO_RELOAD,
                () -> {
                    throw new IllegalStateException("broken");
                }).start(server);

        assertThat(server.queryNames(name("type=Metrics,*"), null)).isEmpty();
        assertThat(server.isRegistered(name("type=Telemetry"))).isTrue();
        assertThat(loop.log.errors()).singleElement().asString()
                .contains("could not list the fleet metrics").contains("broken");
    }
}
