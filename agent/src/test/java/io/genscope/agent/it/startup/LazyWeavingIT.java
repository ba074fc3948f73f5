package io.genscope.agent.it.startup;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.SampleLaunch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Genscope's start-up leaves out until it is needed, seen in a real JVM's class-loading log
 * ({@code -verbose:class}, on stdout in order with the host's own lines): Byte Buddy until a class
 * a rule selects arrives, and the JDK's cryptography (its security providers) until a user id is
 * pseudonymised or the config's hash is read over JMX, and the error-type and redaction
 * patterns until an error is recorded (ErrorTypesIT and PrivacyMarkersIT see them work then). And
 * what it never does at start: spin a lambda class in the config reading, the agent's logging or
 * the runtime's construction (each is a class the JVM generates at its first use, about 0.25 ms
 * apiece, where a nested class loads from the agent jar in about a hundredth of that), or look up
 * SLF4J's provider (a {@code ServiceLoader} walk through the agent jar), or run Jackson's YAML
 * parser on a usual config (SnakeYAML's events are read directly). A config whose classes
 * never load then costs about what an agent that does nothing costs (issue 14).
 */
class LazyWeavingIT {

    private static final Duration RUN_TIME = Duration.ofMinutes(2);
    private static final String BYTE_BUDDY = "io.genscope.shaded.bytebuddy.";
    private static final List<String> CRYPTOGRAPHY = List.of("javax.crypto.", "java.security.SecureRandom ",
            "sun.security.jca.", "sun.security.provider.");
    private static final List<String> ERROR_PATTERNS = List.of("io.genscope.runtime.privacy.ErrorTypes$Patterns ",
            "io.genscope.runtime.privacy.Redactor$BuiltIn ");
    /** The start-up code that must spin no lambda; the first weave's files are another matter. */
    private static final List<String> LAMBDA_FREE = List.of("io.genscope.agent.config.", "io.genscope.agent.logging.",
            "io.genscope.agent.install.StartupConfig", "io.genscope.agent.install.MissingClasses",
            "io.genscope.agent.install.ConfigReload", "io.genscope.agent.install.MBeanServerHook",
            "io.genscope.runtime.GenscopeRuntime", "io.genscope.runtime.Genscope$", "io.genscope.runtime.store.",
            "io.genscope.runtime.jfr.");
    private static final String SLF4J_FACTORY = "io.genscope.shaded.slf4j.LoggerFactory ";
    private static final String JACKSON = "io.genscope.shaded.jackson.";

    @TempDir
    Path directory;

    @Test
    void aConfigWhoseClassesNeverLoadLoadsNoByteBuddyCryptographyErrorPatternsOrJacksonAndSpinsNoLambda() throws Exception {
        Path config = Files.writeString(directory.resolve("genscope.yaml"), """
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

        List<String> stdout = run(config, 0);

        assertThat(stdout).contains("host done");
        assertThat(classesLoaded(stdout)).as("classes loaded").isNotEmpty()
                .noneMatch(line -> line.contains(BYTE_BUDDY))
                .noneMatch(line -> CRYPTOGRAPHY.stream().anyMatch(line::contains))
                .noneMatch(line -> ERROR_PATTERNS.stream().anyMatch(line::contains))
                .noneMatch(line -> line.contains("$$Lambda") && LAMBDA_FREE.stream().anyMatch(line::contains))
                .noneMatch(line -> line.contains(SLF4J_FACTORY))
                .noneMatch(line -> line.contains(JACKSON));
    }

    @Test
    void aRuleWhoseClassLoadsLateWeavesItThenAndCountsEveryCall() throws Exception {
        Path config = Files.writeString(directory.resolve("genscope.yaml"), """
                rules:
                  - name: late
                    role: generation
                    class: fixture.weaving.SpecGenerator
                    method: generate
                """);

        List<String> stdout = run(config, 7);

        int loading = stdout.indexOf("host loading the generator");
        assertThat(loading).as("the host's line before it loads the generator").isPositive();
        assertThat(classesLoaded(stdout.subList(0, loading))).noneMatch(line -> line.contains(BYTE_BUDDY));
        assertThat(classesLoaded(stdout.subList(loading, stdout.size()))).anyMatch(line -> line.contains(BYTE_BUDDY));
        assertThat(stdout).contains("host calls=7 length=84", "genscope generations=7");
    }

    /** The host's stdout, class-loading lines included, after it ran {@code calls} generations and exited with status 0. */
    private static List<String> run(Path config, int calls) throws Exception {
        try (ForkedJvm jvm = ForkedJvm.start(List.of("-verbose:class", SampleLaunch.agentFlag(config)),
                List.of("-cp", SampleLaunch.TEST_CLASSES.toString(), LateClassHost.class.getName(),
                        Integer.toString(calls)))) {
            assertThat(jvm.awaitExit(RUN_TIME)).as("exit status; stderr: %s", jvm.stderr()).isZero();
            String started = "[genscope] INFO Genscope " + agentVersion() + " started with";
            assertThat(jvm.stderr()).as("stderr, with the version of the agent jar's manifest")
                    .anyMatch(line -> line.startsWith(started));
            return jvm.stdout();
        }
    }

    private static String agentVersion() throws IOException {
        try (JarFile jar = new JarFile(SampleLaunch.AGENT_JAR.toFile())) {
            return jar.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        }
    }

    private static List<String> classesLoaded(List<String> stdout) {
        return stdout.stream().filter(line -> line.contains("[class,load]")).toList();
    }
}
