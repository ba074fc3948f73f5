package io.genscope.agent.it.jfr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.GroundTruth;
import io.genscope.agent.it.SampleLaunch;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;


import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample generator under the real agent jar with a JDK Flight Recorder recording started on
 * the command line: the recording file holds one {@code io.genscope.*} event per generation,
 * validation and retry the sample counted itself, with its generator and model and no prompt or
 * code, and the JDK's own {@code jfr} tool lists them in the Genscope category. With the JDK's
 * default or profile settings, or those plus the shipped {@code docs/jfr/genscope.jfc}; on the
 * build's JDK and on the newer one installed beside it; with a recording started later by
 * {@code jcmd}, before which no event class was loaded; and on a runtime image without the
 * {@code jdk.jfr} module, where the sample runs as usual with one INFO line. The events carry the
 * breakdown values the sample counted by (the user id only as its pseudonym) and, in the sample's
 * batch run, the number of the request they belong to, each request being an event of its own.
 */
class JfrTimelineIT {

    /** The newest JDK installed beside the build's own, set by the build (empty when there is none). */
    private static final Path NEWER_JDK = Path.of(System.getProperty("genscope.it.newer.jdk", ""));
    private static final Path BUILD_JDK = Path.of(System.getProperty("java.home"));
    private static final Path GENSCOPE_JFC = Path.of("..", "docs", "jfr", "genscope.jfc").toAbsolutePath().normalize();
    private static final String REQUESTS = "20";
    private static final Path BATCH_CONFIG = SampleLaunch.SAMPLE_CONFIG.resolveSibling("genscope-batch.yaml");
    /** What the store keeps of a user id by default: an HMAC pseudonym, never the id itself. */
    private static final String PSEUDONYM = "[0-9a-f]{12}";

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"default", "profile"})
    void eventsEqualTheSamplesGroundTruthUnderTheJdksOwnSettings(String settings) throws Exception {
        recordAndCompare(BUILD_JDK, "settings=" + settings);
    }

    @Test
    void eventsEqualTheGroundTruthWithTheShippedSettingsFileOnTheNewerJdk() throws Exception {
        assumeTrue(Files.isExecutable(NEWER_JDK.resolve("bin").resolve("java")),
                "no newer JDK at '" + NEWER_JDK + "' (set genscope.it.newer.jdk)");
        assertThat(GENSCOPE_JFC).isRegularFile();
        recordAndCompare(NEWER_JDK, "settings=profile,settings=" + GENSCOPE_JFC);
    }

    @Test
    void aRecordingStartedLaterByJcmdHoldsTheCallsAfterItAndNoEventClassLoadedBefore() throws Exception {
        Path file = directory.resolve("later.jfr");
        Path classes = directory.resolve("classes.log");
        List<String> flags = List.of("-Xlog:class+load:file=" + classes, SampleLaunch.agentFlag(SampleLaunch.SAMPLE_CONFIG));
        GroundTruth before;
        GroundTruth truth;
        try (ForkedJvm jvm = ForkedJvm.start(flags, SampleLaunch.JAR.mainArgs(List.of("--requests", REQUESTS, "--pause-after", "8")))) {
            before = GroundTruth.parse(jvm.awaitLine(GroundTruth.PAUSED_PREFIX, Duration.ofMinutes(2)));
            assertThat(Files.readAllLines(classes)).as("classes loaded before any recording")
                    .anyMatch(line -> line.contains("io.genscope.runtime.Genscope "))
                    .noneMatch(line -> line.matches(".*io\\.genscope\\.runtime\\.jfr\\.[A-Za-z]*Event .*"));

            List<String> jcmd = command(BUILD_JDK, "jcmd", String.valueOf(jvm.pid()), "JFR.start", "filename=" + file);
            assertThat(jcmd).anyMatch(line -> line.startsWith("Started recording"));
            jvm.send("go on");
            assertThat(jvm.awaitExit(Duration.ofMinutes(2))).as(String.join("\n", jvm.stderr())).isZero();
            truth = GroundTruth.parse(jvm.stdout().stream().filter(line -> line.startsWith(GroundTruth.PREFIX))
                    .findFirst().orElseThrow());
        }
        GenscopeEvents events = GenscopeEvents.read(file);
        assertThat(truth.generations() - before.generations()).isPositive();
        assertThat(events.generations()).hasSize((int) (truth.generations() - before.generations()));
        assertThat(events.generations("failure")).hasSize((int) (truth.failures() - before.failures()));
        assertThat(events.validations()).hasSize((int) (truth.validations() - before.validations()));
        assertThat(events.validations(false)).hasSize((int) (truth.validationFailures() - before.validationFailures()));
        assertThat(events.retries()).hasSize((int) (truth.retries() - before.retries()));
    }

    @Test
    void inTheBatchRunEachRequestIsAnEventAndTheEventsInsideItCarryItsNumber() throws Exception {
        Path file = directory.resolve("batch.jfr");
        List<String> flags = List.of("-XX:StartFlightRecording:filename=" + file + ",settings=default",
                SampleLaunch.agentFlag(BATCH_CONFIG));
        String line;
        try (ForkedJvm jvm = ForkedJvm.start(flags, SampleLaunch.JAR.mainArgs(
                List.of("--batch", "--requests", "24", "--seed", "1")))) {
            assertThat(jvm.awaitExit(Duration.ofMinutes(2))).as(String.join("\n", jvm.stderr())).isZero();
            line = jvm.stdout().stream().filter(out -> out.startsWith(GroundTruth.PREFIX)).findFirst().orElseThrow();
        }
        GroundTruth truth = GroundTruth.parse(line);
        JsonNode requests = new ObjectMapper().readTree(line.substring(GroundTruth.PREFIX.length())).get("requests");
        GenscopeEvents events = GenscopeEvents.read(file);

        assertThat(requests.get("requests").asLong()).isPositive();
        assertThat(events.requests()).hasSize(requests.get("requests").asInt());
        Map<String, Long> outcomes = events.requests().stream()
                .collect(Collectors.groupingBy(event -> event.getString("outcome"), TreeMap::new, Collectors.counting()));
        Map<String, Long> expected = new TreeMap<>(Map.of("succeeded", requests.get("succeeded").asLong(),
                "generation_failed", requests.get("generationFailed").asLong(), "threw", requests.get("threw").asLong()));
        expected.values().removeIf(count -> count == 0);
        assertThat(outcomes).isEqualTo(expected);
        assertThat(events.requests().stream().mapToLong(event -> event.getInt("generations")).sum())
                .isEqualTo(requests.get("generations").asLong());

        assertThat(events.generations()).hasSize((int) truth.generations());
        assertThat(events.validations()).as("spec checks (held for the request's generation) and javac runs")
                .hasSize((int) truth.validations());
        assertThat(events.retries()).hasSize((int) truth.retries());
        List<Long> numbers = events.requests().stream().map(event -> event.getLong("request")).toList();
        assertThat(numbers).doesNotHaveDuplicates().allMatch(number -> number > 0);
        assertThat(events.ofGenerations()).isNotEmpty()
                .allSatisfy(event -> assertThat(event.getLong("request")).isIn(numbers));
        Map<Long, Long> generationsByRequest = events.generations().stream()
                .collect(Collectors.groupingBy(event -> event.getLong("request"), TreeMap::new, Collectors.counting()));
        Map<Long, Long> startedByRequest = new TreeMap<>();
        events.requests().stream().filter(event -> event.getInt("generations") > 0)
                .forEach(event -> startedByRequest.put(event.getLong("request"), (long) event.getInt("generations")));
        assertThat(generationsByRequest).isEqualTo(startedByRequest);
        assertThat(events.retries()).allSatisfy(event -> assertThat(event.getString("generator")).isEqualTo("batch"));
    }

    @Test
    void withoutTheJfrModuleTheSampleRunsAsUsualWithOneInfoLine() throws Exception {
        Path image = directory.resolve("image-without-jfr");
        command(BUILD_JDK, "jlink",
                "--add-modules", "java.se,jdk.compiler,jdk.zipfs,jdk.unsupported,jdk.attach,jdk.httpserver,jdk.management",
                "--strip-debug", "--no-man-pages", "--no-header-files", "--output", image.toString());

        List<String> flags = List.of(SampleLaunch.agentFlag(SampleLaunch.SAMPLE_CONFIG));
        try (ForkedJvm jvm = ForkedJvm.start(image, flags, SampleLaunch.JAR.mainArgs(List.of("--requests", "4")))) {
            assertThat(jvm.awaitExit(Duration.ofMinutes(2))).isZero();
            assertThat(jvm.stdout()).anyMatch(line -> line.startsWith(GroundTruth.PREFIX));
            List<String> stderr = jvm.stderr();
            assertThat(stderr).filteredOn(line -> line.contains("JFR") || line.contains("jdk.jfr"))
                    .singleElement().asString()
                    .startsWith("[genscope] INFO no JFR events: this JVM has no JDK Flight Recorder");
            assertThat(stderr).anyMatch(line -> line.startsWith("[genscope] INFO Genscope") && line.contains("started"))
                    .noneMatch(line -> line.contains("WARN") || line.contains("ERROR") || line.contains("Exception"));
        }
    }

    private void recordAndCompare(Path javaHome, String settings) throws Exception {
        Path file = directory.resolve("genscope.jfr");
        List<String> flags = List.of("-XX:StartFlightRecording:filename=" + file + "," + settings,
                SampleLaunch.agentFlag(SampleLaunch.SAMPLE_CONFIG));
        GroundTruth truth;
        try (ForkedJvm jvm = ForkedJvm.start(javaHome, flags, SampleLaunch.JAR.mainArgs(List.of("--requests", REQUESTS)))) {
            assertThat(jvm.awaitExit(Duration.ofMinutes(2))).as(String.join("\n", jvm.stderr())).isZero();
            truth = GroundTruth.parse(jvm.stdout().stream().filter(line -> line.startsWith(GroundTruth.PREFIX))
                    .findFirst().orElseThrow());
            assertThat(jvm.stderr()).noneMatch(line -> line.contains("no JFR events"));
        }
        GenscopeEvents events = GenscopeEvents.read(file);

        assertThat(truth.generations()).isPositive();
        assertThat(truth.retries()).isPositive();
        assertThat(truth.validationFailures()).isPositive();
        assertThat(events.generations()).hasSize((int) truth.generations());
        assertThat(events.generations("success")).hasSize((int) truth.successes());
        assertThat(events.generations("failure")).hasSize((int) truth.failures());
        assertThat(events.failuresByType()).isEqualTo(truth.failuresByType());
        assertThat(events.validations()).hasSize((int) truth.validations());
        assertThat(events.validations(false)).hasSize((int) truth.validationFailures());
        assertThat(events.errorCount()).isEqualTo(truth.errorsByType().values().stream().mapToLong(Long::longValue).sum());
        assertThat(events.retries()).hasSize((int) truth.retries());
        truth.byModel().forEach((model, counts) -> assertThat(events.countsOf(model)).as(model).isEqualTo(counts));

        assertThat(events.generations()).allSatisfy(event -> assertThat(event.getString("generator")).isEqualTo("generate"));
        assertThat(events.validations()).allSatisfy(event -> {
            assertThat(event.getString("validator")).isEqualTo("javac");
            assertThat(event.getString("generator")).isEqualTo("generate");
        });
        assertThat(events.retries()).allSatisfy(event -> assertThat(event.getString("retry")).isEqualTo("repair"));
        assertThat(events.all()).allSatisfy(event -> {
            assertThat(event.getString("model")).isIn(truth.byModel().keySet());
            assertThat(event.getString("projectId")).isIn("billing", "search", "onboarding");
            assertThat(event.getThread().getJavaName()).isEqualTo("main");
        });

        assertThat(truth.byVariant()).hasSizeGreaterThan(1);
        assertThat(events.countsBy("variant")).isEqualTo(figures(truth.byVariant()));
        assertThat(events.countsBy("promptCategory")).isEqualTo(figures(truth.byPromptCategory()));
        assertTheUsersArePseudonyms(truth, events);
        assertThat(events.all()).allSatisfy(event -> assertThat(event.getLong("request")).as("no request rule").isZero());

        events.assertNoPromptOrCode(file);
        assertTheJdksJfrToolListsThem(javaHome, file, events);
    }

    /**
     * Every event's user is a pseudonym, one per user the sample counted, with that user's
     * figures; no event, and no byte of the file, holds a user id itself.
     */
    private static void assertTheUsersArePseudonyms(GroundTruth truth, GenscopeEvents events) {
        assertThat(truth.byUser()).hasSizeGreaterThan(1).containsKey("ada@example.com");
        Map<String, Map<String, Long>> byPseudonym = events.countsBy("userId");
        assertThat(byPseudonym.keySet()).allMatch(user -> user.matches(PSEUDONYM), "12 hex digits")
                .doesNotContainAnyElementsOf(truth.byUser().keySet());
        assertThat(byPseudonym.values()).containsExactlyInAnyOrderElementsOf(figures(truth.byUser()).values());
        for (RecordedEvent event : events.all()) {
            event.getFields().forEach(field -> {
                if (event.getValue(field.getName()) instanceof String text) {
                    assertThat(truth.byUser().keySet()).as(field.getName())
                            .noneMatch(user -> text.contains(user) || text.equals(user.substring(0, user.indexOf('@'))));
                }
            });
        }
    }

    /** The sample's figures of each value of a breakdown, under the names {@link GenscopeEvents} counts with. */
    private static Map<String, Map<String, Long>> figures(Map<String, GroundTruth.Breakdown> breakdown) {
        Map<String, Map<String, Long>> figures = new TreeMap<>();
        breakdown.forEach((value, counts) -> {
            Map<String, Long> named = new LinkedHashMap<>();
            named.put("generations", counts.generations());
            named.put("successes", counts.successes());
            named.put("failures", counts.generations() - counts.successes());
            named.put("retries", counts.retries());
            named.put("validations", counts.validations());
            named.put("validationFailures", counts.validationFailures());
            figures.put(value, named);
        });
        return figures;
    }

    /** {@code jfr summary} counts the three types, {@code jfr print --categories Genscope} prints only them. */
    private static void assertTheJdksJfrToolListsThem(Path javaHome, Path file, GenscopeEvents events) throws Exception {
        List<String> summary = jfrTool(javaHome, "summary", file.toString());
        assertThat(summary).anyMatch(line -> line.trim().matches("io\\.genscope\\.Generation\\s+" + events.generations().size() + "\\s+\\d+"))
                .anyMatch(line -> line.trim().matches("io\\.genscope\\.Validation\\s+" + events.validations().size() + "\\s+\\d+"))
                .anyMatch(line -> line.trim().matches("io\\.genscope\\.Retry\\s+" + events.retries().size() + "\\s+\\d+"));

        List<String> printed = jfrTool(javaHome, "print", "--categories", "Genscope", file.toString());
        List<String> headers = printed.stream().filter(line -> line.matches("^\\S+ \\{$")).toList();
        assertThat(headers).hasSize(events.all().size())
                .allMatch(header -> header.matches("io\\.genscope\\.(Generation|Validation|Retry) \\{"));
    }

    private static List<String> jfrTool(Path javaHome, String... args) throws Exception {
        return command(javaHome, "jfr", args);
    }

    /** Runs a tool of the JDK at {@code javaHome} to its end; fails unless it exits with 0. */
    private static List<String> command(Path javaHome, String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin").resolve(tool).toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.waitFor()).as(String.join("\n", lines)).isZero();
        return lines;
    }
}
