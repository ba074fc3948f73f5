package io.genscope.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a JConsole user sees of the sample generator, over authenticated remote JMX: the MBeans,
 * their descriptions, the operations, the self-diagnostics, and raw events that carry metadata
 * but no prompt or code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleJmxIT {

    private Path directory;
    private SecuredJmx jmx;
    private ForkedJvm jvm;
    private GroundTruth truth;
    private MBeanServerConnection connection;
    private GenscopeMBeans mbeans;

    @BeforeAll
    void startSampleUnderAgent() throws Exception {
        directory = Files.createTempDirectory("genscope-jmx-it");
        jmx = new SecuredJmx(directory);
        List<String> flags = new ArrayList<>(jmx.jvmFlags());
        flags.add(SampleLaunch.agentFlag(SampleLaunch.SAMPLE_CONFIG));
        jvm = ForkedJvm.start(flags, SampleLaunch.JAR.mainArgs(List.of("--keep-running")));
        truth = GroundTruth.parse(jvm.awaitLine(GroundTruth.PREFIX, Duration.ofMinutes(2)));
        connection = jmx.connection();
        mbeans = new GenscopeMBeans(connection);
    }

    @AfterAll
    void stop() throws Exception {
        jvm.close();
    }

    @Test
    void remoteAccessWithoutThePasswordIsRefused() {
        assertThatThrownBy(() -> jmx.connect(SecuredJmx.USER, "wrong").getMBeanServerConnection())
                .isInstanceOf(SecurityException.class);
    }

    @Test
    void oneMBeanPerGeneratorRuleAndPerModelShowsItsOwnFigures() throws Exception {
        Set<ObjectName> names = connection.queryNames(new ObjectName("io.genscope:*"), null);
        assertThat(names).extracting(ObjectName::toString).contains(
                GenscopeMBeans.TELEMETRY, GenscopeMBeans.DIAGNOSTICS, "io.genscope:type=Generator,name=generate",
                "io.genscope:type=Model,name=codex-mini", "io.genscope:type=Model,name=codex-pro");
        assertThat(mbeans.longAttribute("io.genscope:type=Generator,name=generate", "Generations"))
                .isEqualTo(truth.generations());
        for (Map.Entry<String, Map<String, Long>> model : truth.byModel().entrySet()) {
            String name = "io.genscope:type=Model,name=" + model.getKey();
            assertThat(mbeans.longAttribute(name, "Generations")).isEqualTo(model.getValue().get("generations"));
            assertThat(mbeans.longAttribute(name, "ValidationFailures"))
                    .isEqualTo(model.getValue().get("validationFailures"));
        }
    }

    @Test
    void everyAttributeOperationAndParameterExplainsItself() throws Exception {
        for (ObjectName name : connection.queryNames(new ObjectName("io.genscope:*"), null)) {
            MBeanInfo info = connection.getMBeanInfo(name);
            assertThat(info.getDescription()).as(name + " description").startsWith("Genscope");
            for (MBeanAttributeInfo attribute : info.getAttributes()) {
                assertThat(attribute.getDescription()).as(name + " " + attribute.getName())
                        .isNotBlank().isNotEqualTo(attribute.getName()).doesNotContain("exposed for management");
            }
            for (MBeanOperationInfo operation : info.getOperations()) {
                assertThat(operation.getDescription()).as(name + " " + operation.getName())
                        .isNotBlank().doesNotContain("exposed for management");
                for (MBeanParameterInfo parameter : operation.getSignature()) {
                    assertThat(parameter.getName()).as(operation.getName() + " parameter").doesNotMatch("p\\d+");
                }
            }
        }
    }

    @Test
    void operationsAnswerForTheWindowAsked() throws Exception {
        double rate = (Double) mbeans.invoke(GenscopeMBeans.TELEMETRY, "validationFailureRate",
                new Object[] {3600L}, new String[] {"long"});
        assertThat(rate).isEqualTo((double) truth.validationFailures() / truth.validations());
        Map<String, Long> top = OpenData.map(mbeans.invoke(GenscopeMBeans.TELEMETRY, "topErrors",
                new Object[] {2, 3600L}, new String[] {"int", "long"}));
        long highest = truth.errorsByType().values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(top).hasSize(2).containsValue(highest);
        CompositeData hour = (CompositeData) mbeans.invoke(GenscopeMBeans.TELEMETRY, "summaryForWindow",
                new Object[] {3600L}, new String[] {"long"});
        assertThat((Double) hour.get("generationSuccessRate")).isEqualTo((double) truth.successes() / truth.generations());
        CompositeData minute = (CompositeData) mbeans.invoke(GenscopeMBeans.TELEMETRY, "summaryForWindow",
                new Object[] {60L}, new String[] {"long"});
        assertThat(minute.get("windowSeconds")).as("one one-minute slice").isEqualTo(60L);
        assertThat((Long) minute.get("generations")).isBetween(0L, truth.generations());
    }

    @Test
    void diagnosticsShowWhatEachRuleMatchedAndNoErrors() throws Exception {
        Map<String, CompositeData> rules = OpenData.map(mbeans.attribute(GenscopeMBeans.DIAGNOSTICS, "Rules"));
        assertThat(rules).containsOnlyKeys("generate", "repair", "javac");
        assertThat((String[]) rules.get("generate").get("matchedMethods"))
                .containsExactly("com.example.codegen.CodeGenerator#generate(GenerationRequest)");
        assertThat((String[]) rules.get("javac").get("matchedMethods"))
                .containsExactly("com.example.codegen.JavacValidator#validate(String, String)");
        assertThat(rules.get("generate").get("calls")).isEqualTo(truth.generations());
        assertThat(rules.get("repair").get("calls")).isEqualTo(truth.retries());
        assertThat(rules.get("javac").get("calls")).isEqualTo(truth.validations());
        assertThat(rules.values()).allSatisfy(rule -> assertThat(rule.get("captureFailures")).isEqualTo(0L));
        assertThat((String[]) mbeans.attribute(GenscopeMBeans.DIAGNOSTICS, "RulesMatchingNothing")).isEmpty();
        assertThat(mbeans.longAttribute(GenscopeMBeans.DIAGNOSTICS, "AgentErrors")).isZero();
    }

    @Test
    void exportedEventsCarryMetadataButNeverThePromptOrTheCode() throws Exception {
        String json = (String) mbeans.invoke(GenscopeMBeans.TELEMETRY, "exportEvents",
                new Object[] {1000}, new String[] {"int"});
        JsonNode events = new ObjectMapper().readTree(json);
        List<String> types = StreamSupport.stream(events.spliterator(), false).map(e -> e.get("type").asText()).toList();
        assertThat(types).contains("generation_attempt", "validation_failure", "retry_attempt", "generation_success",
                "generation_failure");
        assertThat(types.stream().filter("generation_attempt"::equals).count()).isEqualTo(truth.generations());
        JsonNode attempt = StreamSupport.stream(events.spliterator(), false)
                .filter(e -> e.get("type").asText().equals("generation_attempt")).findFirst().orElseThrow();
        assertThat(attempt.get("promptLength").asInt()).isPositive();
        assertThat(attempt.get("model").asText()).startsWith("codex-");
        assertThat(json).doesNotContain("Write a Java class").doesNotContain("public class").doesNotContain("import java");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void resetStartsEveryFigureFromZero() throws Exception {
        mbeans.invoke(GenscopeMBeans.TELEMETRY, "reset", new Object[0], new String[0]);
        assertThat(mbeans.longAttribute(GenscopeMBeans.TELEMETRY, "Generations")).isZero();
        assertThat(mbeans.longAttribute(GenscopeMBeans.TELEMETRY, "Validations")).isZero();
        assertThat((String) mbeans.invoke(GenscopeMBeans.TELEMETRY, "exportEvents", new Object[] {10},
                new String[] {"int"})).isEqualTo("[]");
    }
}
