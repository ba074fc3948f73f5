package io.genscope.runtime.jmx;

import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.alerts.AlertCondition;
import io.genscope.runtime.alerts.AlertDefinition;
import io.genscope.runtime.alerts.AlertScope;
import io.genscope.runtime.analytics.compare.ComparisonSettings;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GenscopeMBeans;
import io.genscope.runtime.testing.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.management.Descriptor;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;
import javax.management.openmbean.TabularData;
import javax.management.openmbean.TabularType;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What JConsole shows next to each Genscope MBean, attribute, operation and parameter is a real
 * description written for it, never the JDK's placeholder, and parameters have real names; every
 * item of a composite value and every column of a table says what it is and, for a number, its
 * unit, in the MBean info and in the values read; every operation declares its impact. Covers one
 * MBean of each kind, a window of {@code store.windows} included.
 */
class MBeanDescriptionsTest {

    /** The JDK's placeholder texts (StandardMBean / MXBean introspector defaults). */
    private static final Set<String> PLACEHOLDERS = Set.of("Attribute exposed for management",
            "Operation exposed for management", "Information on the management interface of the MBean");

    /** How a number's description gives its unit. */
    private static final List<String> UNITS = List.of("a count", "a fraction in [0, 1]", "in milliseconds",
            "in seconds", "characters", "a mean count", "a difference of fractions in [-1, 1]");

    private final JmxFixture jmx = new JmxFixture(TestSettings.defaults().windows(Duration.ofMinutes(5)).build());

    @BeforeEach
    void registerOneOfEachKind() throws Exception {
        jmx.alerts(new AlertDefinition(AlertCondition.GENERATION_FAILURE_RATE, AlertScope.GENERATOR, 0.5, 0.2,
                Duration.ofMinutes(5), 20));
        jmx.variants(window -> VariantsMBeanTest.ROWS, ComparisonSettings.defaults());
        jmx.start();
        jmx.loop.generate(Request.of("gpt-4"), () -> Code.of("x"));
    }

    private List<MBeanInfo> genscopeMBeans() throws JMException {
        await().untilAsserted(() -> assertThat(jmx.registered()).extracting(name -> name.getKeyProperty("type"))
                .contains("Telemetry", "Diagnostics", "Generator", "Model", "Alerts", "Variants"));
        List<ObjectName> names = jmx.registered().stream().sorted().toList();
        List<MBeanInfo> infos = new ArrayList<>();
        for (ObjectName name : names) {
            infos.add(jmx.server.getMBeanInfo(name));
        }
        return infos;
    }

    private static void assertDescribed(String what, String description) {
        assertThat(description).as("description of %s", what).isNotBlank().isNotIn(PLACEHOLDERS);
    }

    @Test
    void everyMBeanDescribesItself() throws JMException {
        for (MBeanInfo info : genscopeMBeans()) {
            assertDescribed(info.getClassName(), info.getDescription());
        }
    }

    @Test
    void everyAttributeHasItsOwnDescription() throws JMException {
        for (MBeanInfo info : genscopeMBeans()) {
            assertThat(info.getAttributes()).isNotEmpty();
            for (MBeanAttributeInfo attribute : info.getAttributes()) {
                assertDescribed(attribute.getName(), attribute.getDescription());
                assertThat(attribute.getDescription()).as(attribute.getName()).isNotEqualTo(attribute.getName());
            }
        }
    }

    @Test
    void everyOperationAndParameterIsDescribedAndParametersAreNamed() throws JMException {
        int operations = 0;
        for (MBeanInfo info : genscopeMBeans()) {
            for (MBeanOperationInfo operation : info.getOperations()) {
                operations++;
                assertDescribed(operation.getName(), operation.getDescription());
                for (MBeanParameterInfo parameter : operation.getSignature()) {
                    String what = operation.getName() + "(" + parameter.getName() + ")";
                    assertThat(parameter.getName()).as(what).doesNotMatch("p\\d+");
                    assertDescribed(what, parameter.getDescription());
                    assertThat(parameter.getDescription()).as(what).isNotEqualTo(parameter.getName());
                }
            }
        }
        assertThat(operations).isPositive();
    }

    @Test
    void everyItemAndColumnIsDescribedWithItsUnitInTheMBeanInfo() throws JMException {
        int items = 0;
        for (MBeanInfo info : genscopeMBeans()) {
            for (MBeanAttributeInfo attribute : info.getAttributes()) {
                items += assertItemsDescribed(attribute.getName(), openType(attribute.getDescriptor()));
            }
            for (MBeanOperationInfo operation : info.getOperations()) {
                items += assertItemsDescribed(operation.getName(), openType(operation.getDescriptor()));
            }
        }
        assertThat(items).isPositive();
    }

    @Test
    void summaryItemsSayRatesAreFractionsAndTimesAreMilliseconds() throws JMException {
        for (ObjectName name : List.of(GenscopeMBeans.name("type=Telemetry"), GenscopeMBeans.name("type=Telemetry,window=5m"),
                GenscopeMBeans.named("Generator", "generate"), GenscopeMBeans.named("Model", "gpt-4"))) {
            await().until(() -> jmx.server.isRegistered(name));
            CompositeType summary = (CompositeType) Arrays.stream(jmx.server.getMBeanInfo(name).getAttributes())
                    .filter(attribute -> attribute.getName().equals("Summary")).findFirst().map(a -> openType(a.getDescriptor()))
                    .orElseThrow();
            assertThat(summary.keySet()).as(name + " Summary items").containsExactlyInAnyOrderElementsOf(
                    Arrays.stream(AnalyticsSummary.class.getRecordComponents()).map(RecordComponent::getName).toList());
            for (String item : summary.keySet()) {
                if (item.endsWith("Rate")) {
                    assertThat(summary.getDescription(item)).as(item).contains("a fraction in [0, 1]");
                }
                if (item.endsWith("Millis")) {
                    assertThat(summary.getDescription(item)).as(item).contains("in milliseconds");
                }
            }
        }
    }

    @Test
    void valuesReadCarryTheDescribedTypes() throws JMException {
        ObjectName telemetry = GenscopeMBeans.name("type=Telemetry");
        Map<String, OpenType<?>> declared = new HashMap<>();
        for (MBeanAttributeInfo attribute : jmx.server.getMBeanInfo(telemetry).getAttributes()) {
            declared.put(attribute.getName(), openType(attribute.getDescriptor()));
        }

        CompositeData summary = (CompositeData) jmx.server.getAttribute(telemetry, "Summary");
        TabularData byModel = (TabularData) jmx.server.getAttribute(telemetry, "ByModel");
        CompositeData viaOperation = (CompositeData) jmx.server.invoke(telemetry, "summaryForWindow",
                new Object[] {3600L}, new String[] {"long"});

        assertThat(descriptions(summary.getCompositeType())).isEqualTo(descriptions(declared.get("Summary")));
        assertThat(descriptions(viaOperation.getCompositeType())).isEqualTo(descriptions(declared.get("Summary")));
        assertThat(descriptions(byModel.getTabularType().getRowType()))
                .isEqualTo(descriptions(((TabularType) declared.get("ByModel")).getRowType()));
        assertThat(declared.get("Summary").isValue(summary)).isTrue();
        assertThat(summary.get("generations")).isEqualTo(1L);
    }

    @Test
    void resetAndReloadAreActionsAndEveryOtherOperationAQuery() throws JMException {
        int queries = 0;
        for (MBeanInfo info : genscopeMBeans()) {
            for (MBeanOperationInfo operation : info.getOperations()) {
                if (operation.getName().equals("reset") || operation.getName().equals("reload")) {
                    assertThat(operation.getImpact()).as(operation.getName()).isEqualTo(MBeanOperationInfo.ACTION);
                } else {
                    queries++;
                    assertThat(operation.getImpact()).as(operation.getName()).isEqualTo(MBeanOperationInfo.INFO);
                }
            }
        }
        assertThat(queries).isPositive();
        assertThat(jmx.server.getMBeanInfo(GenscopeMBeans.name("type=Telemetry")).getOperations())
                .extracting(MBeanOperationInfo::getName).contains("reset");
        assertThat(jmx.server.getMBeanInfo(GenscopeMBeans.name("type=Control")).getOperations())
                .extracting(MBeanOperationInfo::getName).containsExactly("reload");
    }

    /** Checks every item and column {@code type} holds, at any depth; returns how many. */
    private static int assertItemsDescribed(String holder, OpenType<?> type) {
        if (type instanceof TabularType table) {
            return assertItemsDescribed(holder, table.getRowType());
        }
        if (!(type instanceof CompositeType composite)) {
            return 0;
        }
        int items = 0;
        for (String item : composite.keySet()) {
            String what = holder + "." + item;
            String description = composite.getDescription(item);
            assertThat(description).as(what).isNotBlank().isNotEqualTo(item);
            if (composite.getType(item) instanceof SimpleType<?> simple && isNumber(simple)) {
                assertThat(UNITS).as("the unit in %s: %s", what, description).anyMatch(description::contains);
            }
            items += 1 + assertItemsDescribed(what, composite.getType(item));
        }
        return items;
    }

    private static boolean isNumber(SimpleType<?> type) {
        return type.equals(SimpleType.LONG) || type.equals(SimpleType.INTEGER) || type.equals(SimpleType.DOUBLE);
    }

    private static OpenType<?> openType(Descriptor descriptor) {
        return (OpenType<?>) descriptor.getFieldValue("openType");
    }

    private static Map<String, String> descriptions(OpenType<?> type) {
        CompositeType composite = (CompositeType) type;
        Map<String, String> descriptions = new HashMap<>();
        composite.keySet().forEach(item -> descriptions.put(item, composite.getDescription(item)));
        return descriptions;
    }

    @Test
    void figuresOperationsNameTheirWindowParameter() throws JMException {
        MBeanInfo telemetry = jmx.server.getMBeanInfo(GenscopeMBeans.name("type=Telemetry"));

        assertThat(telemetry.getOperations())
                .filteredOn(operation -> operation.getName().equals("topErrors"))
                .singleElement()
                .satisfies(operation -> assertThat(operation.getSignature())
                        .extracting(MBeanParameterInfo::getName).containsExactly("n", "windowSeconds"));
    }
}
