package io.genscope.agent.it.hostile;

import com.sun.tools.attach.VirtualMachine;
import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.GenscopeMBeans;
import io.genscope.agent.it.GroundTruth;
import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.SecuredJmx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One Genscope per JVM: a second {@code -javaagent} flag, here naming a copy of the jar at another
 * path, logs one line and does nothing; a later attach reloads the running Genscope's config
 * instead of starting a second one. Every figure still equals the sample generator's own count
 * (before: retries and validations were counted twice).
 */
class StartupLoadedTwiceIT {

    private static final String ALREADY_RUNNING = "[genscope] WARN Genscope is already running in this JVM, so this ";

    @TempDir
    Path directory;

    @Test
    void aSecondAgentByFlagDoesNothingAndAnAttachReloads() throws Exception {
        Path copy = Files.copy(SampleLaunch.AGENT_JAR, directory.resolve("genscope-agent-copy.jar"));
        SecuredJmx jmx = new SecuredJmx(directory);
        List<String> flags = new ArrayList<>(jmx.jvmFlags());
        flags.add(SampleLaunch.agentFlag(SampleLaunch.SAMPLE_CONFIG));
        flags.add("-javaagent:" + copy + "=config=" + SampleLaunch.SAMPLE_CONFIG);
        try (ForkedJvm jvm = ForkedJvm.start(flags, SampleLaunch.JAR.mainArgs(List.of("--keep-running")))) {
            GroundTruth truth = GroundTruth.parse(jvm.awaitLine(GroundTruth.PREFIX, StartupSampleRun.RUN_TIME));
            GenscopeMBeans mbeans = new GenscopeMBeans(jmx.connection());
            mbeans.assertTelemetryMatches(truth);
            assertThat(warnings(jvm)).containsExactly(ALREADY_RUNNING + "second -javaagent flag does nothing and nothing"
                    + " is counted twice; remove the extra agent");

            VirtualMachine vm = VirtualMachine.attach(Long.toString(jvm.pid()));
            try {
                vm.loadAgent(copy.toString(), "config=" + SampleLaunch.SAMPLE_CONFIG);
            } finally {
                vm.detach();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> jvm.stderrLine("reloaded ").isPresent());
            assertThat(jvm.stderrLine("reloaded ").orElseThrow()).startsWith("[genscope] INFO reloaded "
                    + SampleLaunch.SAMPLE_CONFIG).contains("config version 2; added [], removed [], changed [],"
                    + " unchanged [generate, repair, javac]");
            assertThat(warnings(jvm)).hasSize(1);
            mbeans.assertTelemetryMatches(truth);
            assertThat(jvm.stderr()).filteredOn(line -> line.contains("started with")).hasSize(1);
        }
    }

    private static List<String> warnings(ForkedJvm jvm) {
        return jvm.stderr().stream().filter(line -> line.startsWith("[genscope] WARN")).toList();
    }
}
