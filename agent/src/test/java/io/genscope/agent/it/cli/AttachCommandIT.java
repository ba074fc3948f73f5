package io.genscope.agent.it.cli;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.GenscopeMBeans;
import io.genscope.agent.it.GroundTruth;
import io.genscope.agent.it.LocalManagementAgent;
import io.genscope.agent.it.SampleLaunch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.remote.JMXConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code java -jar genscope-agent.jar attach <pid>} run in its own JVM, as an operator runs it,
 * against a real sample generator started without any agent. The sample pauses after
 * {@value #BEFORE} requests ({@code --pause-after}, with its classes loaded and used) until the
 * test lets it go on, so the calls made after the attach are known: the final ground truth less
 * the one it printed at the pause.
 */
class AttachCommandIT {

    private static final int BEFORE = 5;
    private static final Duration RUN_TIME = Duration.ofMinutes(2);
    private static final List<String> PAUSED_SAMPLE = List.of("--pause-after", Integer.toString(BEFORE),
            "--keep-running");

    @TempDir
    Path directory;

    @Test
    void figuresEqualTheGroundTruthOfTheCallsMadeAfterTheAttach() throws Exception {
        try (ForkedJvm sample = ForkedJvm.start(List.of(), SampleLaunch.JAR.mainArgs(PAUSED_SAMPLE))) {
            GroundTruth before = GroundTruth.parse(sample.awaitLine(GroundTruth.PAUSED_PREFIX, RUN_TIME));
            Files.copy(SampleLaunch.SAMPLE_CONFIG, directory.resolve("genscope.yaml"));

            AgentCommandLine attach = AgentCommandLine.runIn(directory, List.of(), "attach", pid(sample),
                    "config=genscope.yaml");

            assertThat(attach.status()).as(attach.toString()).isZero();
            assertThat(attach.stderr()).isEmpty();
            assertThat(attach.stdout().get(0)).matches("Genscope \\S+ started in pid " + sample.pid() + ":");
            assertThat(attach.stdout()).contains("config " + directory.resolve("genscope.yaml"),
                    "rule 'generate' (generation):",
                    "  instruments com.example.codegen.CodeGenerator#generate(GenerationRequest)",
                    "rule 'repair' (retry):",
                    "  instruments com.example.codegen.CodeGenerator#repair(GenerationRequest, ValidationResult, int)",
                    "rule 'javac' (validation):",
                    "  instruments com.example.codegen.JavacValidator#validate(String, String)");
            assertTelemetryIsTheRestOfTheRun(sample, before);
        }
    }

    @Test
    void aSecondAttachDoesNotCountAnythingTwice() throws Exception {
        try (ForkedJvm sample = ForkedJvm.start(List.of(), SampleLaunch.JAR.mainArgs(PAUSED_SAMPLE))) {
            GroundTruth before = GroundTruth.parse(sample.awaitLine(GroundTruth.PAUSED_PREFIX, RUN_TIME));
            String config = "config=" + SampleLaunch.SAMPLE_CONFIG;

            AgentCommandLine first = AgentCommandLine.run("attach", pid(sample), config);
            AgentCommandLine second = AgentCommandLine.run("attach", pid(sample), config);

            assertThat(first.status()).as(first.toString()).isZero();
            assertThat(second.stderr()).as(second.toString()).isEmpty();
            assertTelemetryIsTheRestOfTheRun(sample, before);
        }
    }

    @Test
    void aBrokenConfigPrintsItsProblemsAndTheHostRunsOnUnchanged() throws Exception {
        Path broken = Files.writeString(directory.resolve("broken.yaml"), SampleLaunch.ONE_RULE_CONFIG
                + "    unknown-key: [not closed\n");
        GroundTruth untouched = groundTruthOfARunWithoutAttach();
        try (ForkedJvm sample = ForkedJvm.start(List.of(), SampleLaunch.JAR.mainArgs(PAUSED_SAMPLE))) {
            sample.awaitLine(GroundTruth.PAUSED_PREFIX, RUN_TIME);

            AgentCommandLine attach = AgentCommandLine.run("attach", pid(sample), "config=" + broken);

            assertThat(attach.status()).as(attach.toString()).isEqualTo(1);
            assertThat(attach.stdout().get(0)).matches("Genscope \\S+ did not start in pid " + sample.pid()
                    + ", which runs on without it:");
            assertThat(attach.stdout()).anySatisfy(line -> assertThat(line)
                    .startsWith("[genscope] ERROR " + broken + ":9: not valid YAML"));
            sample.send("");
            assertThat(GroundTruth.parse(sample.awaitLine(GroundTruth.PREFIX, RUN_TIME))).isEqualTo(untouched);
            assertThat(sample.stdout()).noneMatch(line -> line.contains("genscope"));
        }
    }

    /**
     * The process restores the default action of {@code SIGQUIT}, ending it, and unblocks it: it
     * may inherit it ignored (a shell's background job) or blocked (this JVM's threads block it),
     * and the attach handshake's signal must be able to end it, as it would a process of a shell.
     */
    @Test
    void aPidThatIsNotAJvmIsOneLineAndLeftRunning() throws Exception {
        Process notAJvm = new ProcessBuilder("perl", "-MPOSIX", "-e", "$| = 1; $SIG{QUIT} = 'DEFAULT';"
                + " sigprocmask(SIG_UNBLOCK, POSIX::SigSet->new(SIGQUIT)); print qq(ready\\n); sleep 600").start();
        try {
            assertThat(notAJvm.inputReader().readLine()).isEqualTo("ready");
            AgentCommandLine attach = AgentCommandLine.run("attach", Long.toString(notAJvm.pid()),
                    "config=" + SampleLaunch.SAMPLE_CONFIG);

            assertThat(attach.status()).as(attach.toString()).isEqualTo(2);
            assertThat(attach.stdout()).isEmpty();
            assertThat(attach.stderr()).singleElement().asString().startsWith("genscope attach: pid " + notAJvm.pid()
                    + " is not a JVM that accepts attach");
            assertThat(notAJvm.waitFor(1, TimeUnit.SECONDS)).as("the process ended (SIGQUIT?)").isFalse();
        } finally {
            notAJvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void noSuchPidAndAnUnknownKeyAreOneLineAndExitTwo() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor(10, TimeUnit.SECONDS);
        String pid = Long.toString(ended.pid());

        AgentCommandLine gone = AgentCommandLine.run("attach", pid);
        AgentCommandLine misspelt = AgentCommandLine.run("attach", pid, "confg=genscope.yaml");

        assertThat(gone.status()).as(gone.toString()).isEqualTo(2);
        assertThat(gone.stderr()).containsExactly("genscope attach: no process with pid " + pid
                + " (jps lists the JVMs of this user)");
        assertThat(misspelt.status()).as(misspelt.toString()).isEqualTo(2);
        assertThat(misspelt.stderr()).singleElement().asString()
                .startsWith("genscope attach: unknown key 'confg' (did you mean 'config'?)").contains("usage: attach <pid>");
    }

    @Test
    void theCommandOnJava17AttachesToASampleOnTheNewerJdk() throws Exception {
        assumeTrue(Files.isExecutable(SampleLaunch.NEWER_JDK.resolve("bin").resolve("java")),
                "no newer JDK at '" + SampleLaunch.NEWER_JDK + "' (set genscope.it.newer.jdk)");
        try (ForkedJvm sample = ForkedJvm.start(SampleLaunch.NEWER_JDK, List.of(),
                SampleLaunch.JAR.mainArgs(PAUSED_SAMPLE))) {
            GroundTruth before = GroundTruth.parse(sample.awaitLine(GroundTruth.PAUSED_PREFIX, RUN_TIME));

            AgentCommandLine attach = AgentCommandLine.run("attach", pid(sample), "config=" + SampleLaunch.SAMPLE_CONFIG);

            assertThat(Runtime.version().feature()).as("the command's Java").isEqualTo(17);
            assertThat(attach.status()).as(attach.toString()).isZero();
            assertThat(attach.stdout()).contains("  instruments com.example.codegen.CodeGenerator#generate(GenerationRequest)")
                    .anySatisfy(line -> assertThat(line).startsWith("note: pid " + sample.pid() + " runs Java ")
                            .contains("-XX:+EnableDynamicAgentLoading"));
            assertThat(sample.stderr()).contains("WARNING: A Java agent has been loaded dynamically ("
                    + SampleLaunch.AGENT_JAR + ")");
            assertTelemetryIsTheRestOfTheRun(sample, before);
        }
    }

    /** Lets the paused sample finish its run; Genscope's figures must be those of the calls after the pause. */
    private static void assertTelemetryIsTheRestOfTheRun(ForkedJvm sample, GroundTruth before) throws Exception {
        sample.send("");
        GroundTruth all = GroundTruth.parse(sample.awaitLine(GroundTruth.PREFIX, RUN_TIME));
        assertThat(all.generations()).as("calls after the attach").isGreaterThan(before.generations());
        try (JMXConnector connector = LocalManagementAgent.connect(sample.pid())) {
            new GenscopeMBeans(connector.getMBeanServerConnection()).assertTelemetryMatches(all.since(before));
        }
    }

    private static GroundTruth groundTruthOfARunWithoutAttach() throws Exception {
        try (ForkedJvm plain = ForkedJvm.start(List.of(), SampleLaunch.JAR.mainArgs(List.of()))) {
            return GroundTruth.parse(plain.awaitLine(GroundTruth.PREFIX, RUN_TIME));
        }
    }

    private static String pid(ForkedJvm jvm) {
        return Long.toString(jvm.pid());
    }
}
