package io.genscope.agent.it.cli;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.SampleLaunch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A short real run of the sample generator under {@code -javaagent} with a config: what Genscope printed. */
final class AgentRun {

    private static final Duration RUN_TIME = Duration.ofMinutes(2);

    private AgentRun() {
    }

    /** The sample's stderr lines from Genscope ({@code [genscope] ...}) with {@code config}. */
    static List<String> of(Path config) throws Exception {
        try (ForkedJvm jvm = ForkedJvm.start(List.of(SampleLaunch.agentFlag(config)),
                SampleLaunch.JAR.mainArgs(List.of("--requests", "2")))) {
            jvm.awaitExit(RUN_TIME);
            return jvm.stderr().stream().filter(line -> line.startsWith("[genscope] ")).toList();
        }
    }
}
