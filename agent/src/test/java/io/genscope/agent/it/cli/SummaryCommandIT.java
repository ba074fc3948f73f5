package io.genscope.agent.it.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.GenscopeMBeans;
import io.genscope.agent.it.GroundTruth;
import io.genscope.agent.it.OpenData;
import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.SecuredJmx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar genscope-agent.jar summary} run in its own JVM, as an operator runs it, against a real
 * sample generator that stays alive after its run: what it prints must be what the Telemetry
 * MBean says over JMX, locally by pid and remotely with a password file.
 */
class SummaryCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VARIANTS = "io.genscope:type=Variants";

    @TempDir
    static Path directory;

    private static SecuredJmx jmx;
    private static ForkedJvm sample;
    private static GenscopeMBeans mBeans;
    private static GroundTruth truth;

    @BeforeAll
    static void startSample() throws Exception {
        jmx = new SecuredJmx(directory);
        List<String> flags = new ArrayList<>(jmx.jvmFlags());
        flags.add(SampleLaunch.agentFlag(SampleLaunch.SAMPLE_CONFIG));
        sample = ForkedJvm.start(flags, SampleLaunch.JAR.mainArgs(List.of("--keep-running")));
        truth = GroundTruth.parse(sample.awaitLine(GroundTruth.PREFIX, Duration.ofMinutes(2)));
        mBeans = new GenscopeMBeans(jmx.connection());
    }

    @AfterAll
    static void stopSample() throws InterruptedException {
        sample.close();
    }

    @Test
    void textByPidIsTheTelemetryMBeansFiguresAsReportOnExitPrintsThem() throws Exception {
        SummaryRun run = SummaryRun.of(List.of(), pid());

        assertThat(run.exit()).as(run.toString()).isZero();
        CompositeData summary = (CompositeData) mBeans.attribute(GenscopeMBeans.TELEMETRY, "Summary");
        assertThat(summary.get("generations")).isEqualTo(truth.generations());
        assertThat(run.stdout()).startsWith("[genscope] summary of the last " + summary.get("windowSeconds") + " s")
                .contains(line("generations", "%d started, %d succeeded, %d failed", summary.get("generations"),
                        summary.get("generationSuccesses"), summary.get("generationFailures")))
                .contains(line("retries", "%d (", summary.get("retryAttempts")))
                .contains(line("validations", "%d, %d failed", summary.get("validations"),
                        summary.get("validationFailures")));
        Map<String, CompositeData> byModel = OpenData.map(mBeans.attribute(GenscopeMBeans.TELEMETRY, "ByModel"));
        assertThat(byModel).isNotEmpty();
        byModel.forEach((model, figures) -> assertThat(run.stdout())
                .contains(line("model " + model, "%d generations, ", figures.get("generations"))));
    }

    @Test
    void jsonByPidEqualsEveryFigureOfTheTelemetryMBean() throws Exception {
        SummaryRun run = SummaryRun.of(List.of(), pid(), "--json");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertJsonEqualsDefaultWindow(JSON.readTree(run.stdout()));
    }

    @Test
    void windowAsksTheMBeanForThatWindow() throws Exception {
        SummaryRun run = SummaryRun.of(List.of(), pid(), "--window", "5m", "--json");

        assertThat(run.exit()).as(run.toString()).isZero();
        JsonNode document = JSON.readTree(run.stdout());
        CompositeData expected = (CompositeData) mBeans.invoke(GenscopeMBeans.TELEMETRY, "summaryForWindow",
                new Object[] {300L}, new String[] {long.class.getName()});
        assertThat(expected.get("windowSeconds")).isEqualTo(300L)
                .isNotEqualTo(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "WindowSeconds"));
        assertThat(document.get("windowSeconds").asLong()).isEqualTo(300L);
        assertFigures(document.get("summary"), expected);
        assertThat(SummaryRun.of(List.of(), pid(), "--window", "5m").stdout())
                .startsWith("[genscope] summary of the last 300 s");
    }

    @Test
    void remoteWithAPasswordFileEqualsTheMBean() throws Exception {
        Path passwordFile = Files.writeString(directory.resolve("right-password"), SecuredJmx.PASSWORD + "\n");
        SummaryRun run = SummaryRun.of(List.of(), jmx.address(), "--user", SecuredJmx.USER,
                "--password-file", passwordFile.toString(), "--json");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertJsonEqualsDefaultWindow(JSON.readTree(run.stdout()));
    }

    @Test
    void aReadonlyUserReadsTheDefaultWindowButNoOther() throws Exception {
        Path passwordFile = Files.writeString(directory.resolve("readonly-password"), SecuredJmx.READONLY_PASSWORD);
        List<String> remote = List.of(jmx.address(), "--user", SecuredJmx.READONLY_USER, "--password-file",
                passwordFile.toString(), "--json");
        SummaryRun defaultWindow = SummaryRun.of(List.of(), remote.toArray(String[]::new));
        List<String> otherWindow = new ArrayList<>(remote);
        otherWindow.addAll(List.of("--window", "5m"));
        SummaryRun window = SummaryRun.of(List.of(), otherWindow.toArray(String[]::new));

        assertThat(defaultWindow.exit()).as(defaultWindow.toString()).isZero();
        assertJsonEqualsDefaultWindow(JSON.readTree(defaultWindow.stdout()));
        assertThat(window.exit()).as(window.toString()).isEqualTo(1);
        assertThat(window.stderr()).doesNotContain("\n").contains("needs a readwrite JMX user");
    }

    @Test
    void aWrongPasswordIsOneLineAndExitOne() throws Exception {
        Path passwordFile = Files.writeString(directory.resolve("wrong-password"), "not-" + SecuredJmx.PASSWORD);
        SummaryRun run = SummaryRun.of(List.of(), jmx.address(), "--user", SecuredJmx.USER,
                "--password-file", passwordFile.toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).doesNotContain("\n").contains("authentication", "'" + SecuredJmx.USER + "'");
    }

    @Test
    void aJvmWithoutGenscopeIsOneLineAndExitOne() throws Exception {
        try (ForkedJvm plain = ForkedJvm.start(List.of(), SampleLaunch.JAR.mainArgs(List.of("--keep-running")))) {
            plain.awaitLine(GroundTruth.PREFIX, Duration.ofMinutes(2));
            SummaryRun run = SummaryRun.of(List.of(), Long.toString(plain.pid()));

            assertThat(run.exit()).as(run.toString()).isEqualTo(1);
            assertThat(run.stdout()).isEmpty();
            assertThat(run.stderr()).isEqualTo("genscope summary: " + plain.pid()
                    + " runs no Genscope agent: it has no io.genscope:type=Telemetry MBean");
        }
    }

    private static void assertJsonEqualsDefaultWindow(JsonNode document) throws Exception {
        CompositeData summary = (CompositeData) mBeans.attribute(GenscopeMBeans.TELEMETRY, "Summary");
        assertThat(document.get("windowSeconds").asLong()).isEqualTo(summary.get("windowSeconds"));
        assertFigures(document.get("summary"), summary);
        Map<String, CompositeData> byModel = OpenData.map(mBeans.attribute(GenscopeMBeans.TELEMETRY, "ByModel"));
        List<String> models = new ArrayList<>();
        document.get("byModel").fieldNames().forEachRemaining(models::add);
        assertThat(models).containsExactlyElementsOf(byModel.keySet());
        byModel.forEach((model, figures) -> assertFigures(document.get("byModel").get(model), figures));
        assertVariants(document.get("variants"), (CompositeData) mBeans.attribute(VARIANTS, "Comparison"));
    }

    /**
     * The A/B comparison is the Variants MBean's: the sample's two prompt versions, the first by
     * name the baseline, the second compared with it.
     */
    private static void assertVariants(JsonNode json, CompositeData expected) {
        assertThat(json).as("variants").isNotNull();
        assertThat(json.get("windowSeconds").asLong()).isEqualTo(expected.get("windowSeconds"));
        assertThat(json.get("baseline").asText()).isEqualTo(expected.get("baseline")).isEqualTo("prompt-v1");
        assertThat(json.get("note").asText()).isEqualTo(expected.get("note"));
        assertThat(json.get("comparisons").size()).isEqualTo(((TabularData) expected.get("comparisons")).size())
                .isEqualTo(1);
        CompositeData v2 = (CompositeData) ((TabularData) expected.get("comparisons"))
                .get(new Object[] {"prompt-v2"}).get("value");
        assertThat(json.get("comparisons").get("prompt-v2").get("verdict").asText()).isEqualTo(v2.get("verdict"));
        assertThat(json.get("comparisons").get("prompt-v2").get("successRate").get("samples").asLong())
                .isEqualTo(((CompositeData) v2.get("successRate")).get("samples"));
    }

    /** Every item of the MBean's figures is the JSON field of the same name, with the same value. */
    private static void assertFigures(JsonNode json, CompositeData expected) {
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrderElementsOf(expected.getCompositeType().keySet());
        for (String item : expected.getCompositeType().keySet()) {
            Object value = expected.get(item);
            JsonNode field = json.get(item);
            if (value instanceof TabularData table) {
                Map<String, Long> counts = new LinkedHashMap<>();
                field.fields().forEachRemaining(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
                assertThat(counts).as(item).containsExactlyEntriesOf(OpenData.map(table));
            } else if (value instanceof Long count) {
                assertThat(field.isIntegralNumber()).as(item + " is an integer").isTrue();
                assertThat(field.asLong()).as(item).isEqualTo(count);
            } else {
                assertThat(field.asDouble()).as(item).isEqualTo((Double) value);
            }
        }
    }

    private static String line(String label, String format, Object... values) {
        List<Object> all = new ArrayList<>(List.of(label));
        all.addAll(List.of(values));
        return String.format(Locale.ROOT, "  %-16s " + format, all.toArray());
    }

    private static String pid() {
        return Long.toString(sample.pid());
    }
}
