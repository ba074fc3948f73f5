package io.genscope.agent.it.cli;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.SampleLaunch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the real command line, {@code java -jar genscope-agent.jar <args>}, in a JVM of its
 * own: its exit status and what it printed.
 */
public record AgentCommandLine(int status, List<String> stdout, List<String> stderr) {

    private static final Duration RUN_TIME = Duration.ofMinutes(1);

    public static AgentCommandLine run(String... args) throws Exception {
        return run(List.of(), args);
    }

    /** Runs it with {@code jvmFlags} before {@code -jar}, such as a trust store's system properties. */
    public static AgentCommandLine run(List<String> jvmFlags, String... args) throws Exception {
        return runIn(null, jvmFlags, args);
    }

    /** Runs it in the working directory {@code directory}, where relative paths among {@code args} start. */
    static AgentCommandLine runIn(Path directory, List<String> jvmFlags, String... args) throws Exception {
        List<String> jar = new ArrayList<>(jvmFlags);
        jar.addAll(List.of("-jar", SampleLaunch.AGENT_JAR.toString()));
        try (ForkedJvm jvm = ForkedJvm.start(Path.of(System.getProperty("java.home")), jar, List.of(args), directory)) {
            int status = jvm.awaitExit(RUN_TIME);
            return new AgentCommandLine(status, List.copyOf(jvm.stdout()), List.copyOf(jvm.stderr()));
        }
    }
}
