package io.genscope.agent.it.hostile;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.SampleLaunch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A config whose worst case is over {@code store.max-memory} is refused before anything starts:
 * one ERROR line naming the setting to lower, and the sample generator runs to the same result as
 * without the agent (under {@code strict: true}, the JVM does not start). Within the budget, the
 * worst case is printed once at {@code info}.
 */
class MemoryBudgetIT {

    private static final List<String> SAMPLE_ARGS = List.of("--requests", "8");
    private static final Duration RUN_TIME = Duration.ofMinutes(2);

    @TempDir
    Path directory;

    @Test
    void aConfigOverTheBudgetIsRefusedWithOneLineAndTheHostRunsOn() throws Exception {
        String config = Files.readString(SampleLaunch.SAMPLE_CONFIG).replace("event-ring-size: 1000",
                "event-ring-size: 1000000");
        assertThat(config).contains("event-ring-size: 1000000");
        List<String> without = groundTruth(List.of()).stdout();
        Run with = groundTruth(List.of(SampleLaunch.agentFlag(Files.writeString(directory.resolve("genscope.yaml"),
                config))));

        assertThat(with.stdout()).isEqualTo(without);
        assertThat(with.stderr()).filteredOn(line -> line.startsWith("[genscope] ERROR")).singleElement().asString()
                .contains("worst case").contains("store.max-memory (64.0 MB)").contains("lower store.event-ring-size");
        assertThat(with.stderr()).noneMatch(line -> line.contains("started with"));
    }

    @Test
    void underStrictAConfigOverTheBudgetKeepsTheJvmFromStarting() throws Exception {
        String config = "strict: true\n" + Files.readString(SampleLaunch.SAMPLE_CONFIG)
                .replace("event-ring-size: 1000", "event-ring-size: 1000000");
        Path file = Files.writeString(directory.resolve("genscope.yaml"), config);
        try (ForkedJvm jvm = ForkedJvm.start(List.of(SampleLaunch.agentFlag(file)), SampleLaunch.JAR.mainArgs(SAMPLE_ARGS))) {
            assertThat(jvm.awaitExit(RUN_TIME)).as("exit code").isNotZero();
            assertThat(jvm.stdout()).noneMatch(line -> line.startsWith("GROUND_TRUTH"));
            assertThat(jvm.stderr()).anyMatch(line -> line.startsWith("[genscope] ERROR")
                    && line.contains("lower store.event-ring-size"));
        }
    }

    @Test
    void theWorstCaseOfTheSampleConfigIsPrintedOnceAtInfo() throws Exception {
        Run with = groundTruth(List.of(SampleLaunch.agentFlag(SampleLaunch.SAMPLE_CONFIG)));

        assertThat(with.stderr()).filteredOn(line -> line.startsWith("[genscope] INFO store memory: "))
                .singleElement().asString().contains("worst case").contains("(store.max-memory 64.0 MB)");
    }

    private record Run(List<String> stdout, List<String> stderr) {
    }

    private static Run groundTruth(List<String> jvmArgs) throws Exception {
        try (ForkedJvm jvm = ForkedJvm.start(jvmArgs, SampleLaunch.JAR.mainArgs(SAMPLE_ARGS))) {
            assertThat(jvm.awaitExit(RUN_TIME)).isZero();
            return new Run(jvm.stdout().stream().filter(line -> line.startsWith("GROUND_TRUTH")).toList(), jvm.stderr());
        }
    }
}
