package io.genscope.runtime.jmx;

import io.genscope.runtime.alerts.AlertCondition;
import io.genscope.runtime.alerts.AlertDefinition;
import io.genscope.runtime.alerts.AlertScope;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GenscopeMBeans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ObjectName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What JConsole shows next to each Genscope MBean, attribute, operation and parameter is a real
 * description written for it, never the JDK's placeholder, and parameters have real names.
 */
class MBeanDescriptionsTest {

    /** The JDK's placeholder texts (StandardMBean / MXBean introspector defaults). */
    private static final Set<String> PLACEHOLDERS = Set.of("Attribute exposed for management",
            "Operation exposed for management", "Information on the management interface of the MBean");

    private final JmxFixture jmx = new JmxFixture();

    @BeforeEach
    void registerOneOfEachKind() throws Exception {
        jmx.alerts(new AlertDefinition(AlertCondition.GENERATION_FAILURE_RATE, AlertScope.GENERATOR, 0.5, 0.2,
                Duration.ofMinutes(5), 20));
        jmx.start();
        jmx.loop.generate(Request.of("gpt-4"), () -> Code.of("x"));
    }

    private List<MBeanInfo> genscopeMBeans() throws JMException {
        await().untilAsserted(() -> assertThat(jmx.registered()).extracting(name -> name.getKeyProperty("type"))
                .contains("Telemetry", "Diagnostics", "Generator", "Model", "Alerts"));
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
    void figuresOperationsNameTheirWindowParameter() throws JMException {
        MBeanInfo telemetry = jmx.server.getMBeanInfo(GenscopeMBeans.name("type=Telemetry"));

        assertThat(telemetry.getOperations())
                .filteredOn(operation -> operation.getName().equals("topErrors"))
                .singleElement()
                .satisfies(operation -> assertThat(operation.getSignature())
                        .extracting(MBeanParameterInfo::getName).containsExactly("n", "windowSeconds"));
    }
}
