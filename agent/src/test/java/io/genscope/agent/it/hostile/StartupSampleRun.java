package io.genscope.agent.it.hostile;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.SampleLaunch;

import java.time.Duration;
import java.util.List;

/**
 * One run of the sample generator in a forked JVM, split into what the host printed itself and
 * what else reached stderr, so that a start-up test can say "the host ran unharmed" (its output
 * equals a run without the agent) and "Genscope said exactly this".
 *
 * @param exitCode   the JVM's exit status
 * @param hostOutput the host's stdout, less the lines that differ from run to run (elapsed time,
 *                   the plugin loader's identity hash)
 * @param stderr     stderr, less the JVM's note on class data sharing, which any agent that
 *                   appends to the bootstrap class path causes
 */
public record StartupSampleRun(int exitCode, List<String> hostOutput, List<String> stderr) {

    static final List<String> SAMPLE_ARGS = List.of("--requests", "8");
    /** Generous: the run takes seconds; a start-up that hangs takes for ever. */
    static final Duration RUN_TIME = Duration.ofMinutes(2);

    public static StartupSampleRun of(SampleLaunch launch, List<String> jvmFlags) throws Exception {
        try (ForkedJvm jvm = ForkedJvm.start(jvmFlags, launch.mainArgs(SAMPLE_ARGS))) {
            int exitCode = jvm.awaitExit(RUN_TIME);
            List<String> hostOutput = jvm.stdout().stream()
                    .filter(line -> !line.startsWith("sample-generator: ran in ") && !line.startsWith("sample loaded by "))
                    .toList();
            List<String> stderr = jvm.stderr().stream().filter(line -> !line.equals(SampleLaunch.CDS_NOTE)).toList();
            return new StartupSampleRun(exitCode, hostOutput, stderr);
        }
    }

    /** Genscope's lines at {@code level} ({@code ERROR}, {@code WARN}, {@code INFO}). */
    public List<String> genscope(String level) {
        return stderr.stream().filter(line -> line.startsWith("[genscope] " + level + " ")).toList();
    }
}
