package io.genscope.agent.it.startup;

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
 * What a start whose rules' classes never load spins and looks up, seen in a real JVM's
 * class-loading log: no lambda class of the config reading, the agent's logging or the runtime's
 * construction (each is a class the JVM generates at its first use, about 0.25 ms of start-up
 * apiece, where a nested class loads from the agent jar in about a hundredth of that), and no
 * SLF4J provider lookup (its {@code ServiceLoader} walk through the agent jar). Issue 14: such a
 * start should cost close to what an empty agent costs.
 */
class LeanStartupIT {

    private static final Duration RUN_TIME = Duration.ofMinutes(2);
    /** The packages whose start-up code must not spin lambdas; the first weave's files are another matter. */
    private static final List<String> LAMBDA_FREE = List.of("io.genscope.agent.config.", "io.genscope.agent.logging.",
            "io.genscope.agent.install.StartupConfig", "io.genscope.agent.install.MissingClasses",
            "io.genscope.agent.install.ConfigReload", "io.genscope.agent.install.MBeanServerHook",
            "io.genscope.runtime.GenscopeRuntime", "io.genscope.runtime.Genscope$", "io.genscope.runtime.store.",
            "io.genscope.runtime.jfr.");
    private static final String SLF4J_FACTORY = "io.genscope.shaded.slf4j.LoggerFactory ";

    @TempDir
    Path directory;

    @Test
    void aStartWhoseClassesNeverLoadSpinsNoLambdaOfItsOwnAndLooksUpNoLoggingProvider() throws Exception {
        Path config = Files.writeString(directory.resolve("genscope.yaml"), """
                store:
                  window: 5m
                  windows: [1m, 15m]
                  max-memory: 64MB
                  redact: ['token-\\d+']
                rules:
                  - name: never-generates
                    role: generation
                    class: fixture.absent.NeverLoadedGenerator
                    method: generate
                    parameters: [java.lang.String]
                    capture:
                      model: args[0].model
                  - name: never-validates
                    role: validation
                    implements: fixture.absent.NeverLoadedValidator
                    method: validate
                """);

        try (ForkedJvm jvm = ForkedJvm.start(List.of("-verbose:class", SampleLaunch.agentFlag(config)),
                List.of("-cp", SampleLaunch.TEST_CLASSES.toString(), LateClassHost.class.getName(), "0"))) {
            assertThat(jvm.awaitExit(RUN_TIME)).as("exit status; stderr: %s", jvm.stderr()).isZero();
            assertThat(jvm.stderr()).as("stderr").anyMatch(line -> line.contains("[genscope] INFO Genscope")
                    && line.contains("started with 2 rule(s)"));
            List<String> loaded = jvm.stdout().stream().filter(line -> line.contains("[class,load]")).toList();
            assertThat(loaded).as("classes loaded").isNotEmpty()
                    .anyMatch(line -> line.contains("io.genscope.agent.config.Values"))
                    .noneMatch(line -> line.contains("$$Lambda") && LAMBDA_FREE.stream().anyMatch(line::contains))
                    .noneMatch(line -> line.contains(SLF4J_FACTORY));
        }
    }
}
