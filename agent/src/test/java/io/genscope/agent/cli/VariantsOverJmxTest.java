package io.genscope.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.analytics.BreakdownRow;
import io.genscope.runtime.analytics.compare.AbComparison;
import io.genscope.runtime.analytics.compare.ComparisonSettings;
import io.genscope.runtime.analytics.compare.VariantComparator;
import org.junit.jupiter.api.Test;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The A/B comparison as the command line gets it: through the JDK's MXBean mapping to open data
 * and back into the runtime's record, whole; and as {@code summary --json} writes it.
 */
class VariantsOverJmxTest {

    /** v2 56/70 against v1 48/80 (Newcombe's Table II (a): 0.2000, 0.0524 to 0.3339); v3 too few. */
    private static final AbComparison COMPARISON = new VariantComparator(ComparisonSettings.defaults()).compare(List.of(
            new BreakdownRow("v1", 80, 48, 80, 40, 0, 80, 40, 500, 1000, 0, 0, 0),
            new BreakdownRow("v2", 70, 56, 70, 50, 0, 70, 20, 600, 1250, 0, 0, 0),
            new BreakdownRow("v3", 5, 5, 0, 0, 0, 0, 0, 400, 900, 0, 0, 0)), 3600);

    /** What the Variants MBean's {@code Comparison} attribute is, for the MXBean mapping. */
    public interface ComparisonMXBean {
        AbComparison getComparison();
    }

    @Test
    void theComparisonComesBackWholeFromItsOpenData() throws JMException {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        ObjectName name = new ObjectName("test:type=Variants");
        server.registerMBean((ComparisonMXBean) () -> COMPARISON, name);

        AbComparison read = OpenDataRecords.read(AbComparison.class, server.getAttribute(name, "Comparison"));

        assertThat(read).isEqualTo(COMPARISON);
        assertThat(read.comparisons().keySet()).containsExactly("v2", "v3");
    }

    @Test
    void jsonHasTheComparisonUnderVariants() throws Exception {
        JsonNode document = new ObjectMapper().readTree(SummaryJson.write(
                new TelemetryFigures(emptySummary(), Map.of(), Map.of(), null, Optional.of(COMPARISON))));

        JsonNode variants = document.get("variants");
        assertThat(variants.get("windowSeconds").asLong()).isEqualTo(3600);
        assertThat(variants.get("baseline").asText()).isEqualTo("v1");
        assertThat(variants.get("note").asText()).isEmpty();
        JsonNode v2 = variants.get("comparisons").get("v2");
        assertThat(v2.get("outcome").asText()).isEqualTo("BETTER");
        assertThat(v2.get("verdict").asText()).isEqualTo("v2 better");
        assertThat(v2.get("generationTimeP95DifferenceMillis").asDouble()).isEqualTo(250.0);
        JsonNode success = v2.get("successRate");
        assertThat(success.get("samples").isIntegralNumber()).isTrue();
        assertThat(success.get("samples").asLong()).isEqualTo(70);
        assertThat(success.get("differenceLow95").asDouble()).isCloseTo(0.0524, within(0.00005));
        assertThat(success.get("differenceHigh95").asDouble()).isCloseTo(0.3339, within(0.00005));
        assertThat(variants.get("comparisons").get("v3").get("moreGenerationsNeeded").asLong()).isEqualTo(25);
    }

    @Test
    void jsonLeavesVariantsOutWhenTheAgentHasNone() throws Exception {
        JsonNode document = new ObjectMapper().readTree(SummaryJson.write(
                new TelemetryFigures(emptySummary(), Map.of(), Map.of(), null, Optional.empty())));
        assertThat(document.has("variants")).isFalse();
        assertThat(document.get("summary").get("windowSeconds").asLong()).isEqualTo(3600);
    }

    private static AnalyticsSummary emptySummary() {
        return new AnalyticsSummary(3600, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of(),
                Map.of());
    }
}
