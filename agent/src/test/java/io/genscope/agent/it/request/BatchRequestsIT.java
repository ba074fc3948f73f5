package io.genscope.agent.it.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.GenscopeMBeans;
import io.genscope.agent.it.GroundTruth;
import io.genscope.agent.it.OpenData;
import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.SecuredJmx;
import io.genscope.agent.it.cli.SummaryRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.management.MBeanInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's batch front end ({@code --batch}) under {@code genscope-batch.yaml}, read over real
 * remote JMX: a runner that returns failed results is counted by its {@code success-when}, and
 * the spec check a request makes before its generation is attributed to that generation's
 * generator and model, as the sample's own ground truth counts them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchRequestsIT {

    static final Path BATCH_CONFIG = SampleLaunch.SAMPLE_CONFIG.resolveSibling("genscope-batch.yaml");
    private static final String REQUESTS = "io.genscope:type=Requests";
    private static final String BATCH = "io.genscope:type=Generator,name=batch";

    private ForkedJvm jvm;
    private GroundTruth truth;
    private JsonNode requests;
    private MBeanServerConnection connection;
    private GenscopeMBeans mbeans;

    @BeforeAll
    void runTheBatchUnderTheAgent() throws Exception {
        SecuredJmx jmx = new SecuredJmx(Files.createTempDirectory("genscope-request-it"));
        List<String> flags = new ArrayList<>(jmx.jvmFlags());
        flags.add(SampleLaunch.agentFlag(BATCH_CONFIG));
        jvm = ForkedJvm.start(flags, SampleLaunch.JAR.mainArgs(
                List.of("--batch", "--requests", "24", "--seed", "1", "--keep-running")));
        String line = jvm.awaitLine(GroundTruth.PREFIX, Duration.ofMinutes(2));
        truth = GroundTruth.parse(line);
        requests = new ObjectMapper().readTree(line.substring(GroundTruth.PREFIX.length())).get("requests");
        connection = jmx.connection();
        mbeans = new GenscopeMBeans(connection);
    }

    @AfterAll
    void stop() throws Exception {
        jvm.close();
    }

    @Test
    void theRunHasFailedResultsThatDidNotThrowAndSpecChecksThatFailed() {
        assertThat(requests.get("returnedNormally").asLong()).as("every batch generation returned normally")
                .isEqualTo(truth.generations());
        assertThat(truth.failures()).as("some of them failed all the same").isPositive();
        assertThat(truth.errorsByType()).containsKey("SPEC_UNRESOLVED_REF");
    }

    @Test
    void successWhenCountsAFailedResultAsAFailureOfItsType() throws Exception {
        assertThat(mbeans.longAttribute(BATCH, "GenerationSuccesses")).isEqualTo(truth.successes());
        assertThat(mbeans.longAttribute(BATCH, "GenerationFailures")).isEqualTo(truth.failures());
        assertThat(OpenData.<Long>map(mbeans.attribute(BATCH, "GenerationFailureTypes")))
                .isEqualTo(truth.failuresByType());
    }

    @Test
    void theSpecCheckBeforeTheGenerationCountsForItsGeneratorAndModel() throws Exception {
        assertThat(mbeans.longAttribute(BATCH, "Validations")).as("spec checks and javac runs of the batch generator")
                .isEqualTo(truth.validations());
        assertThat(mbeans.longAttribute(BATCH, "ValidationFailures")).isEqualTo(truth.validationFailures());
        mbeans.assertTelemetryMatches(truth);
    }

    @Test
    void theRequestsMBeanCountsEachRequestByOutcome() throws Exception {
        assertThat(mbeans.longAttribute(REQUESTS, "Requests")).isEqualTo(requests.get("requests").asLong());
        assertThat(mbeans.longAttribute(REQUESTS, "Succeeded")).isEqualTo(requests.get("succeeded").asLong());
        assertThat(mbeans.longAttribute(REQUESTS, "GenerationFailed"))
                .isEqualTo(requests.get("generationFailed").asLong());
        assertThat(mbeans.longAttribute(REQUESTS, "Threw")).isEqualTo(requests.get("threw").asLong());
        assertThat(mbeans.longAttribute(REQUESTS, "Generations")).isEqualTo(requests.get("generations").asLong());
        assertThat(mbeans.longAttribute(REQUESTS, "WithoutGeneration")).isZero();
        assertThat((Double) mbeans.attribute(REQUESTS, "GenerationsPerRequest"))
                .isEqualTo((double) requests.get("generations").asLong() / requests.get("requests").asLong());
        assertThat((Double) mbeans.attribute(REQUESTS, "SuccessRate"))
                .isEqualTo((double) requests.get("succeeded").asLong() / requests.get("requests").asLong());
        assertThat((Double) mbeans.attribute(REQUESTS, "TimeP95Millis")).isPositive();
        MBeanInfo info = connection.getMBeanInfo(new ObjectName(REQUESTS));
        assertThat(info.getDescription()).startsWith("Genscope");
        assertThat(info.getAttributes()).hasSize(13).allSatisfy(attribute -> assertThat(attribute.getDescription())
                .as(attribute.getName()).isNotBlank().isNotEqualTo(attribute.getName()));
    }

    @Test
    void theCommandLineSummaryShowsTheRequests() throws Exception {
        SummaryRun json = SummaryRun.of(List.of(), Long.toString(jvm.pid()), "--json");
        SummaryRun text = SummaryRun.of(List.of(), Long.toString(jvm.pid()));

        assertThat(json.exit()).as(json.toString()).isZero();
        JsonNode shown = new ObjectMapper().readTree(json.stdout()).get("requests");
        for (String figure : List.of("requests", "succeeded", "generationFailed", "threw", "generations")) {
            assertThat(shown.get(figure).asLong()).as(figure).isEqualTo(requests.get(figure).asLong());
        }
        assertThat(text.stdout()).contains(String.format("  %-16s %d since start, %d succeeded, %d with a failed"
                        + " generation, 0 threw", "requests", requests.get("requests").asLong(),
                requests.get("succeeded").asLong(), requests.get("generationFailed").asLong()));
    }
}
