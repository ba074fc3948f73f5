package io.genscope.agent.it.windows;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.GroundTruth;
import io.genscope.agent.it.OpenData;
import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.SecuredJmx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.management.Attribute;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The sample generator with {@code store.windows: [5m, 1h, 120m]} (1 min slices kept 2 h, default
 * window 1 h), read over authenticated remote JMX as a JConsole would: a {@code readonly}
 * operator, who may call no operation, reads every window's figures from its own MBean, and they
 * equal what the {@code summaryForWindow} operation (called by a {@code readwrite} user) gives for
 * the same window, the run being over. Also what tools show: every Summary item described with its
 * unit, each operation's impact, and Model and Generator names left unquoted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WindowMBeansIT {

    /** Each window's MBean, by its length in seconds; 120m is named by its shortest spelling. */
    private static final Map<String, Long> WINDOWS = Map.of(
            "io.genscope:type=Telemetry,window=5m", 300L,
            "io.genscope:type=Telemetry,window=1h", 3600L,
            "io.genscope:type=Telemetry,window=2h", 7200L);
    private static final String TELEMETRY = "io.genscope:type=Telemetry";
    private static final String CODEX_MINI = "io.genscope:type=Model,name=codex-mini";
    private static final String GENERATE = "io.genscope:type=Generator,name=generate";

    private ForkedJvm jvm;
    private GroundTruth truth;
    private MBeanServerConnection operator;
    private MBeanServerConnection admin;

    @BeforeAll
    void runTheSampleWithWindows(@TempDir Path directory) throws Exception {
        String sample = Files.readString(SampleLaunch.SAMPLE_CONFIG);
        assertThat(sample).contains("  retention: 1h\n");
        Path config = Files.writeString(directory.resolve("genscope.yaml"), sample.replace("  retention: 1h\n",
                "  retention: 2h\n  windows: [5m, 1h, 120m]\n  max-memory: 256MB\n"));
        SecuredJmx jmx = new SecuredJmx(directory);
        List<String> flags = new ArrayList<>(jmx.jvmFlags());
        flags.add(SampleLaunch.agentFlag(config));
        jvm = ForkedJvm.start(flags, SampleLaunch.JAR.mainArgs(List.of("--keep-running")));
        truth = GroundTruth.parse(jvm.awaitLine(GroundTruth.PREFIX, Duration.ofMinutes(2)));
        operator = jmx.connect(SecuredJmx.READONLY_USER, SecuredJmx.READONLY_PASSWORD).getMBeanServerConnection();
        admin = jmx.connection();
        await().atMost(Duration.ofSeconds(30)).until(() -> operator.isRegistered(new ObjectName(CODEX_MINI)));
    }

    @AfterAll
    void stop() throws Exception {
        if (jvm != null) {
            jvm.close();
        }
    }

    private CompositeData summaryForWindow(String mbean, long seconds) throws Exception {
        return (CompositeData) admin.invoke(new ObjectName(mbean), "summaryForWindow", new Object[] {seconds},
                new String[] {"long"});
    }

    @Test
    void theReadonlyOperatorReadsEveryAttributeOfEveryWindowAndNeedsNoOperation() throws Exception {
        for (String window : WINDOWS.keySet()) {
            ObjectName name = new ObjectName(window);
            assertThat(operator.isRegistered(name)).as(window).isTrue();
            assertThat(operator.getMBeanInfo(name).getOperations()).as(window).isEmpty();
            String[] attributes = Arrays.stream(operator.getMBeanInfo(name).getAttributes())
                    .map(MBeanAttributeInfo::getName).toArray(String[]::new);
            assertThat(operator.getAttributes(name, attributes).asList()).as(window).hasSize(attributes.length)
                    .extracting(Attribute::getName).containsExactly(attributes);
        }
        assertThatThrownBy(() -> operator.invoke(new ObjectName(TELEMETRY), "summaryForWindow", new Object[] {300L},
                new String[] {"long"})).as("what the window MBeans spare the operator").isInstanceOf(SecurityException.class);
    }

    @Test
    void eachWindowsFiguresEqualTheSummaryOperationForTheSameWindow() throws Exception {
        for (Map.Entry<String, Long> window : WINDOWS.entrySet()) {
            ObjectName name = new ObjectName(window.getKey());
            String what = window.getKey();

            assertThat(operator.getAttribute(name, "Summary")).as(what).isEqualTo(summaryForWindow(TELEMETRY, window.getValue()));
            assertThat(operator.getAttribute(name, "WindowSeconds")).as(what).isEqualTo(window.getValue());
            assertThat(operator.getAttribute(name, "Generations")).as(what).isEqualTo(truth.generations());
            assertThat(operator.getAttribute(name, "ValidationFailures")).as(what).isEqualTo(truth.validationFailures());
            assertThat(OpenData.<Long>map(operator.getAttribute(name, "TopValidationErrors"))).as(what)
                    .isEqualTo(truth.errorsByType());
            Map<String, CompositeData> byModel = OpenData.map(operator.getAttribute(name, "ByModel"));
            assertThat(byModel).as(what).containsOnlyKeys(truth.byModel().keySet());
            for (Map.Entry<String, CompositeData> model : byModel.entrySet()) {
                assertThat(model.getValue()).as(what + " " + model.getKey())
                        .isEqualTo(summaryForWindow("io.genscope:type=Model,name=" + model.getKey(), window.getValue()));
            }
            Map<String, CompositeData> byGenerator = OpenData.map(operator.getAttribute(name, "ByGenerator"));
            assertThat(byGenerator.get("generate")).as(what).isEqualTo(summaryForWindow(GENERATE, window.getValue()));
        }
    }

    @Test
    void everySummaryItemIsDescribedWithItsUnitInTheMBeanInfoAndTheValue() throws Exception {
        for (String mbean : List.of(TELEMETRY, "io.genscope:type=Telemetry,window=5m", GENERATE, CODEX_MINI)) {
            ObjectName name = new ObjectName(mbean);
            MBeanAttributeInfo summary = Arrays.stream(operator.getMBeanInfo(name).getAttributes())
                    .filter(attribute -> attribute.getName().equals("Summary")).findFirst().orElseThrow();
            CompositeType declared = (CompositeType) summary.getDescriptor().getFieldValue("openType");
            CompositeType read = ((CompositeData) operator.getAttribute(name, "Summary")).getCompositeType();
            assertThat(declared.keySet()).as(mbean).hasSize(23);
            for (String item : declared.keySet()) {
                String description = declared.getDescription(item);
                assertThat(description).as(mbean + " " + item).isNotEqualTo(item).isEqualTo(read.getDescription(item));
                if (item.endsWith("Rate")) {
                    assertThat(description).as(item).contains("a fraction in [0, 1]");
                } else if (item.endsWith("Millis")) {
                    assertThat(description).as(item).contains("in milliseconds");
                } else if (item.endsWith("Seconds")) {
                    assertThat(description).as(item).contains("in seconds");
                }
            }
        }
    }

    @Test
    void resetAndReloadAreActionsAndEveryOtherOperationAQuery() throws Exception {
        List<String> impacts = new ArrayList<>();
        for (ObjectName name : operator.queryNames(new ObjectName("io.genscope:*"), null)) {
            for (MBeanOperationInfo operation : operator.getMBeanInfo(name).getOperations()) {
                impacts.add(name.getKeyProperty("type") + "." + operation.getName() + "="
                        + (operation.getImpact() == MBeanOperationInfo.ACTION ? "ACTION"
                        : operation.getImpact() == MBeanOperationInfo.INFO ? "INFO" : "other"));
            }
        }
        List<String> actions = List.of("Telemetry.reset=ACTION", "Control.reload=ACTION");
        assertThat(impacts).containsAll(actions).contains("Telemetry.summaryForWindow=INFO",
                "Telemetry.exportEvents=INFO", "Model.topErrors=INFO", "Generator.validationFailureRate=INFO");
        assertThat(impacts).filteredOn(impact -> !actions.contains(impact)).allMatch(i -> i.endsWith("=INFO"));
    }

    @Test
    void modelAndGeneratorNamesAreUnquoted() throws Exception {
        assertThat(operator.isRegistered(new ObjectName(CODEX_MINI))).isTrue();
        assertThat(operator.isRegistered(new ObjectName(GENERATE))).isTrue();
        assertThat(operator.queryNames(new ObjectName("io.genscope:type=Model,*"), null))
                .extracting(name -> name.getKeyProperty("name")).doesNotContain("\"codex-mini\"");
    }
}
