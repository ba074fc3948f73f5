package io.genscope.agent.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broken config costs the host nothing: the sample generator runs to the same result as
 * without the agent, and the user gets exactly one ERROR line naming the file, line and field.
 * Under {@code strict: true} the JVM refuses to start instead.
 */
class BrokenConfigIT {

    private static final List<String> SAMPLE_ARGS = List.of("--requests", "8");
    private static final Duration RUN_TIME = Duration.ofMinutes(2);

    private static String groundTruthWithoutAgent;

    @TempDir
    Path directory;

    @BeforeAll
    static void runWithoutAgent() throws Exception {
        groundTruthWithoutAgent = groundTruth(List.of());
    }

    static Stream<Arguments> brokenConfigs() {
        return Stream.of(
                Arguments.of("YAML syntax", "rules:\n  - name: [unclosed\n", "genscope.yaml:3: not valid YAML"),
                Arguments.of("unknown key", "store:\n  windw: 1h\n" + SampleLaunch.ONE_RULE_CONFIG, "genscope.yaml:2 store.windw"),
                Arguments.of("wrong type", "store:\n  event-ring-size: lots\n" + SampleLaunch.ONE_RULE_CONFIG,
                        "genscope.yaml:2 store.event-ring-size"),
                Arguments.of("capture that cannot resolve", SampleLaunch.ONE_RULE_CONFIG.replace("projectId", "projectIdentifier"),
                        "genscope.yaml:7 rules[0].capture.project-id"),
                Arguments.of("unknown role", SampleLaunch.ONE_RULE_CONFIG.replace("role: generation", "role: generator"),
                        "genscope.yaml:3 rules[0].role"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenConfigs")
    void aBrokenConfigGivesOneErrorLineAndAnUnharmedHost(String problem, String config, String location)
            throws Exception {
        Path file = Files.writeString(directory.resolve("genscope.yaml"), config);
        try (ForkedJvm jvm = ForkedJvm.start(List.of(SampleLaunch.agentFlag(file)), SampleLaunch.JAR.mainArgs(SAMPLE_ARGS))) {
            assertThat(jvm.awaitExit(RUN_TIME)).as("exit code").isZero();
            assertThat(jvm.stdout()).contains(groundTruthWithoutAgent);
            List<String> errors = jvm.stderr().stream().filter(line -> line.startsWith("[genscope] ERROR")).toList();
            assertThat(errors).as(problem).singleElement().asString().contains(location);
        }
    }

    @Test
    void aClassNotOnTheClassPathAtStartIsOneInfoLineNotAnError() throws Exception {
        Path file = Files.writeString(directory.resolve("genscope.yaml"),
                SampleLaunch.ONE_RULE_CONFIG.replace("CodeGenerator", "CodeGeneratr"));
        try (ForkedJvm jvm = ForkedJvm.start(List.of(SampleLaunch.agentFlag(file)), SampleLaunch.JAR.mainArgs(SAMPLE_ARGS))) {
            assertThat(jvm.awaitExit(RUN_TIME)).isZero();
            assertThat(jvm.stdout()).contains(groundTruthWithoutAgent);
            assertThat(jvm.stderr()).noneMatch(line -> line.startsWith("[genscope] ERROR"));
            assertThat(jvm.stderrLine("com.example.codegen.CodeGeneratr (rules[0])")).hasValueSatisfying(line ->
                    assertThat(line).startsWith("[genscope] INFO ").contains("not on the application class path at start"));
        }
    }

    @Test
    void aMissingConfigFileGivesOneErrorLineAndAnUnharmedHost() throws Exception {
        Path missing = directory.resolve("nowhere.yaml");
        try (ForkedJvm jvm = ForkedJvm.start(List.of(SampleLaunch.agentFlag(missing)), SampleLaunch.JAR.mainArgs(SAMPLE_ARGS))) {
            assertThat(jvm.awaitExit(RUN_TIME)).isZero();
            assertThat(jvm.stdout()).contains(groundTruthWithoutAgent);
            assertThat(jvm.stderr().stream().filter(line -> line.startsWith("[genscope] ERROR")))
                    .singleElement().asString().contains("nowhere.yaml").contains("no such file");
        }
    }

    @Test
    void strictModeRefusesToStartOnAnyProblem() throws Exception {
        Path file = Files.writeString(directory.resolve("genscope.yaml"),
                "strict: true\nstore:\n  windw: 1h\n" + SampleLaunch.ONE_RULE_CONFIG);
        try (ForkedJvm jvm = ForkedJvm.start(List.of(SampleLaunch.agentFlag(file)), SampleLaunch.JAR.mainArgs(SAMPLE_ARGS))) {
            assertThat(jvm.awaitExit(RUN_TIME)).as("exit code").isNotZero();
            assertThat(jvm.stdout()).noneMatch(line -> line.startsWith(GroundTruth.PREFIX));
            assertThat(String.join("\n", jvm.stderr())).contains("genscope.yaml:3 store.windw")
                    .contains("strict: true");
        }
    }

    @Test
    void enabledFalseInstrumentsNothingAndSaysSoOnce() throws Exception {
        Path file = Files.writeString(directory.resolve("genscope.yaml"), "enabled: false\n" + SampleLaunch.ONE_RULE_CONFIG);
        try (ForkedJvm jvm = ForkedJvm.start(List.of(SampleLaunch.agentFlag(file)), SampleLaunch.JAR.mainArgs(SAMPLE_ARGS))) {
            assertThat(jvm.awaitExit(RUN_TIME)).isZero();
            assertThat(jvm.stdout()).contains(groundTruthWithoutAgent);
            assertThat(jvm.stderr()).filteredOn(line -> !line.equals(SampleLaunch.CDS_NOTE))
                    .singleElement().asString().contains("disabled by enabled: false");
        }
    }

    private static String groundTruth(List<String> jvmArgs) throws Exception {
        try (ForkedJvm jvm = ForkedJvm.start(jvmArgs, SampleLaunch.JAR.mainArgs(SAMPLE_ARGS))) {
            assertThat(jvm.awaitExit(RUN_TIME)).isZero();
            return jvm.stdout().stream().filter(line -> line.startsWith(GroundTruth.PREFIX)).findFirst().orElseThrow();
        }
    }
}
