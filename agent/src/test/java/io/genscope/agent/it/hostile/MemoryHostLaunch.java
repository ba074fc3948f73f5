package io.genscope.agent.it.hostile;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.SampleLaunch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link io.genscope.agent.it.hostile.hosts.MemoryHost} in a forked JVM, with the agent and
 * a config made of {@code store} settings and rules for the host's generator and validator, or
 * without the agent.
 */
final class MemoryHostLaunch {

    static final String RULES = """
            rules:
              - name: generate
                role: generation
                class: fixture.hostile.MemoryGenerator
                method: generate
                capture:
                  model: args[0]
              - name: validate
                role: validation
                class: fixture.hostile.MemoryValidator
                method: validate
                capture:
                  errors:
                    each: return
                    type: code
                    message: message
            """;

    private static final Duration RUN_TIME = Duration.ofMinutes(3);

    /** What a finished run printed. */
    record Output(List<String> stdout, List<String> stderr) {

        /** The host's own lines, the same with and without the agent. */
        List<String> host() {
            return stdout.stream().filter(line -> line.startsWith("host:")).toList();
        }

        /** The one probe line starting with {@code prefix}, without it. */
        String probe(String prefix) {
            String start = "probe: " + prefix;
            return stdout.stream().filter(line -> line.startsWith(start)).findFirst()
                    .map(line -> line.substring(start.length()).trim())
                    .orElseThrow(() -> new AssertionError("no line '" + start + "' in " + stdout + "\nstderr: " + stderr));
        }
    }

    private MemoryHostLaunch() {
    }

    /**
     * @param store the {@code store:} section's lines, or {@code null} to run without the agent
     */
    static Output run(Path directory, String store, List<String> jvmArgs, String... hostArgs) throws Exception {
        List<String> flags = new ArrayList<>(jvmArgs);
        if (store != null) {
            Path config = Files.writeString(directory.resolve("genscope.yaml"), "store:\n" + store + RULES);
            flags.add(SampleLaunch.agentFlag(config));
        }
        List<String> main = new ArrayList<>(List.of("-cp", SampleLaunch.TEST_CLASSES.toString(),
                "io.genscope.agent.it.hostile.hosts.MemoryHost"));
        main.addAll(List.of(hostArgs));
        try (ForkedJvm jvm = ForkedJvm.start(flags, main)) {
            assertThat(jvm.awaitExit(RUN_TIME)).as("exit code; stderr:\n%s", String.join("\n", jvm.stderr())).isZero();
            return new Output(jvm.stdout(), jvm.stderr());
        }
    }
}
