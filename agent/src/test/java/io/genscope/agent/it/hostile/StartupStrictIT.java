package io.genscope.agent.it.hostile;

import com.sun.tools.attach.VirtualMachine;
import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.GroundTruth;
import io.genscope.agent.it.SampleLaunch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code strict: true} means it. Every problem found at start refuses start, a file that does not
 * even parse included, and the refusal is the agent's lines on stderr and exit status 1: no stack
 * trace, no {@code java.lang.instrument ASSERTION FAILED}, no abort. Under attach, strict never
 * stops the running JVM. A class that only a plugin class loader will load is not a problem.
 */
class StartupStrictIT {

    private static final String STRICT = "strict: true\n";

    @TempDir
    Path directory;

    static Stream<Arguments> problemsFoundAtStart() {
        String nested = "extra: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        return Stream.of(
                Arguments.of("YAML syntax", STRICT + SampleLaunch.ONE_RULE_CONFIG + "  - name: [unclosed\n",
                        ":10: not valid YAML"),
                Arguments.of("duplicate key", STRICT + "log-level: info\nlog-level: warn\n" + SampleLaunch.ONE_RULE_CONFIG,
                        ":3: not valid YAML: key 'log-level' appears twice"),
                Arguments.of("bytes that are not UTF-8", STRICT + "# g\u00e9n\u00e9rateur\n" + SampleLaunch.ONE_RULE_CONFIG,
                        ":2: not UTF-8 text"),
                Arguments.of("deep nesting", STRICT + SampleLaunch.ONE_RULE_CONFIG + nested,
                        ":9: mappings and lists are nested more than 32 levels deep"),
                Arguments.of("unknown key", STRICT + "store:\n  windw: 1h\n" + SampleLaunch.ONE_RULE_CONFIG,
                        ":3 store.windw: unknown key 'windw'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problemsFoundAtStart")
    void aProblemFoundAtStartExitsWithStatusOneAndOnlyTheAgentsLines(String problem, String config, String location)
            throws Exception {
        Path file = directory.resolve("genscope.yaml");
        Files.write(file, config.getBytes(problem.contains("UTF-8") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        StartupSampleRun run = StartupSampleRun.of(SampleLaunch.JAR, List.of(SampleLaunch.agentFlag(file)));

        assertThat(run.exitCode()).as("exit status").isEqualTo(1);
        assertThat(run.hostOutput()).as("the host never started").isEmpty();
        assertThat(run.stderr()).as("stderr").satisfiesExactly(
                line -> assertThat(line).startsWith("[genscope] ERROR " + file + location),
                line -> assertThat(line).isEqualTo("[genscope] ERROR strict: true and " + file + " has 1 problem(s),"
                        + " listed above; fix them or set strict: false. The JVM exits with status 1."));
    }

    @Test
    void aCaptureThatFailsOnlyWhenItsClassLoadsIsAnErrorButCannotRefuseStart() throws Exception {
        Path file = Files.writeString(directory.resolve("genscope.yaml"),
                STRICT + SampleLaunch.ONE_RULE_CONFIG.replace("projectId", "projectIdentifier"));
        StartupSampleRun alone = StartupSampleRun.of(SampleLaunch.JAR, List.of());
        StartupSampleRun run = StartupSampleRun.of(SampleLaunch.JAR, List.of(SampleLaunch.agentFlag(file)));

        assertThat(run.exitCode()).isZero();
        assertThat(run.hostOutput()).isEqualTo(alone.hostOutput());
        assertThat(run.genscope("ERROR")).singleElement().asString()
                .startsWith("[genscope] ERROR " + file + ":8 rules[0].capture.project-id: ");
    }

    @Test
    void aCorrectConfigForClassesOfAPluginLoaderStartsWithoutAnError() throws Exception {
        Path file = Files.writeString(directory.resolve("genscope.yaml"), STRICT + SampleLaunch.ONE_RULE_CONFIG);
        StartupSampleRun alone = StartupSampleRun.of(SampleLaunch.ISOLATED_LOADER, List.of());
        StartupSampleRun run = StartupSampleRun.of(SampleLaunch.ISOLATED_LOADER, List.of(SampleLaunch.agentFlag(file)));

        assertThat(run.exitCode()).isZero();
        assertThat(run.hostOutput()).isEqualTo(alone.hostOutput());
        assertThat(run.stderr()).noneMatch(line -> line.startsWith("[genscope] ERROR") || line.startsWith("[genscope] WARN"));
        assertThat(run.genscope("INFO")).anyMatch(line -> line.contains("com.example.codegen.CodeGenerator (rules[0])")
                && line.contains("normal when a plugin class loader loads them later"));
    }

    @Test
    void underAttachStrictRefusesToLoadAndTheJvmRunsOn() throws Exception {
        Path file = Files.writeString(directory.resolve("genscope.yaml"),
                STRICT + "store:\n  windw: 1h\n" + SampleLaunch.ONE_RULE_CONFIG);
        try (ForkedJvm jvm = ForkedJvm.start(List.of(), SampleLaunch.JAR.mainArgs(List.of("--keep-running")))) {
            jvm.awaitLine(GroundTruth.PREFIX, StartupSampleRun.RUN_TIME);
            VirtualMachine vm = VirtualMachine.attach(Long.toString(jvm.pid()));
            try {
                vm.loadAgent(SampleLaunch.AGENT_JAR.toString(), "config=" + file);
            } finally {
                vm.detach();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> jvm.stderrLine("Genscope does not load").isPresent());
            assertThat(jvm.stderr()).filteredOn(line -> !line.equals(SampleLaunch.CDS_NOTE)).satisfiesExactly(
                    line -> assertThat(line).startsWith("[genscope] ERROR " + file + ":3 store.windw: unknown key 'windw'"),
                    line -> assertThat(line).isEqualTo("[genscope] ERROR strict: true and " + file + " has 1 problem(s),"
                            + " listed above; fix them or set strict: false. Genscope does not load; the running JVM is"
                            + " not affected."));
            assertThat(ProcessHandle.of(jvm.pid()).map(ProcessHandle::isAlive)).as("the JVM runs on").contains(true);
        }
    }
}
