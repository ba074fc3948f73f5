package io.genscope.runtime.jmx;

import io.genscope.runtime.analytics.BreakdownRow;
import io.genscope.runtime.analytics.compare.ComparisonSettings;
import io.genscope.runtime.testing.GenscopeMBeans;
import io.genscope.runtime.testing.TestSettings;
import org.junit.jupiter.api.Test;

import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Variants MBeans through a real MBean server: registered over the default window and each
 * of {@code store.windows}, each asking the per-variant rows for its own window, and showing the
 * comparison as open data a JMX client reads item by item.
 */
class VariantsMBeanTest {

    /** Newcombe's Table II (a): v2 56/70 against v1 48/80, 0.2000 (0.0524 to 0.3339); v3 too few. */
    static final List<BreakdownRow> ROWS = List.of(
            new BreakdownRow("v1", 80, 48, 80, 40, 0, 80, 40, 500, 1000, 0, 0, 0),
            new BreakdownRow("v2", 70, 56, 70, 50, 0, 70, 20, 600, 1250, 0, 0, 0),
            new BreakdownRow("v3", 5, 5, 0, 0, 0, 0, 0, 400, 900, 0, 0, 0));

    private final JmxFixture jmx = new JmxFixture(TestSettings.defaults().windows(Duration.ofMinutes(5)).build());
    private final List<Duration> asked = new CopyOnWriteArrayList<>();

    private void start(ComparisonSettings settings) {
        jmx.variants(window -> {
            asked.add(window);
            return ROWS;
        }, settings);
        jmx.start();
    }

    @Test
    void theDefaultWindowsComparisonReadsAsOpenData() throws JMException {
        start(ComparisonSettings.defaults());
        ObjectName variants = GenscopeMBeans.name("type=Variants");

        CompositeData comparison = (CompositeData) jmx.server.getAttribute(variants, "Comparison");
        assertThat(comparison.get("baseline")).isEqualTo("v1");
        assertThat(comparison.get("note")).isEqualTo("");
        assertThat(comparison.get("windowSeconds")).isEqualTo(3600L);
        assertThat(asked).containsOnly(Duration.ofHours(1));

        CompositeData v2 = row((TabularData) comparison.get("comparisons"), "v2");
        assertThat(v2.get("outcome")).isEqualTo("BETTER");
        assertThat(v2.get("verdict")).isEqualTo("v2 better");
        assertThat(v2.get("generationTimeP95DifferenceMillis")).isEqualTo(250.0);
        CompositeData success = (CompositeData) v2.get("successRate");
        assertThat((double) success.get("differenceLow95")).isCloseTo(0.0524, within(0.00005));
        assertThat((double) success.get("differenceHigh95")).isCloseTo(0.3339, within(0.00005));
        assertThat(success.get("samples")).isEqualTo(70L);
        assertThat(success.get("baselineSamples")).isEqualTo(80L);
        CompositeData firstPass = (CompositeData) v2.get("firstPassRate");
        assertThat((double) firstPass.get("rate")).isCloseTo(50.0 / 70, within(1e-12));

        CompositeData v3 = row((TabularData) jmx.server.getAttribute(variants, "Comparisons"), "v3");
        assertThat(v3.get("outcome")).isEqualTo("TOO_FEW_GENERATIONS");
        assertThat(jmx.server.getAttribute(variants, "Baseline")).isEqualTo("v1");
        assertThat(jmx.server.getAttribute(variants, "WindowSeconds")).isEqualTo(3600L);
    }

    @Test
    void eachWindowMBeanAndTheOperationAskForTheirOwnWindow() throws JMException {
        start(new ComparisonSettings("v2", 30, 0.02));
        CompositeData fiveMinutes = (CompositeData) jmx.server.getAttribute(
                GenscopeMBeans.name("type=Variants,window=5m"), "Comparison");
        assertThat(fiveMinutes.get("windowSeconds")).isEqualTo(300L);
        assertThat(fiveMinutes.get("baseline")).isEqualTo("v2");
        assertThat(((TabularData) fiveMinutes.get("comparisons")).keySet()).hasSize(2);
        assertThat(asked).containsExactly(Duration.ofMinutes(5));

        CompositeData tenMinutes = (CompositeData) jmx.server.invoke(GenscopeMBeans.name("type=Variants"),
                "comparisonForWindow", new Object[] {600L}, new String[] {"long"});
        assertThat(tenMinutes.get("windowSeconds")).isEqualTo(600L);
        assertThat(asked).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(10));
        CompositeData v1 = row((TabularData) tenMinutes.get("comparisons"), "v1");
        assertThat(v1.get("verdict")).isEqualTo("v1 worse");
    }

    @Test
    void theComparisonItemsAreDescribed() throws JMException {
        start(ComparisonSettings.defaults());
        MBeanAttributeInfo comparisons = Arrays.stream(jmx.server.getMBeanInfo(GenscopeMBeans.name("type=Variants"))
                .getAttributes()).filter(a -> a.getName().equals("Comparisons")).findFirst().orElseThrow();
        assertThat(comparisons.getDescription()).contains("baseline");
        CompositeData v2 = row((TabularData) jmx.server.getAttribute(GenscopeMBeans.name("type=Variants"), "Comparisons"),
                "v2");
        assertThat(v2.getCompositeType().getDescription("moreGenerationsNeeded")).contains("a count");
        CompositeData success = (CompositeData) v2.get("successRate");
        assertThat(success.getCompositeType().getDescription("differenceLow95")).contains("Newcombe");
    }

    @Test
    void withoutVariantRowsThereIsNoVariantsMBean() {
        jmx.start();
        List<String> types = new ArrayList<>();
        jmx.registered().forEach(name -> types.add(name.getKeyProperty("type")));
        assertThat(types).contains("Telemetry").doesNotContain("Variants");
    }

    private static CompositeData row(TabularData table, String variant) {
        CompositeData row = table.get(new Object[] {variant});
        assertThat(row).as(variant).isNotNull();
        return (CompositeData) row.get("value");
    }
}
