package io.genscope.agent.it.weave;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.startup.LateClassHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What of Byte Buddy the first class woven costs, seen in a real JVM's class-loading log
 * ({@code -verbose:class}) between the host loading its generator and its calls being done: the
 * calls into the runtime are written with ASM alone, so Byte Buddy's {@code Advice} never loads;
 * a rule that captures nothing and selects by names needs no type description either, so its
 * first class costs Byte Buddy's ASM and nothing else of it (issue 14). Every call is counted.
 */
class FirstWeaveIT {

    private static final Duration RUN_TIME = Duration.ofMinutes(2);
    private static final String BYTE_BUDDY = "io.genscope.shaded.bytebuddy.";
    private static final String ASM = BYTE_BUDDY + "jar.asm.";
    private static final String ADVICE = BYTE_BUDDY + "asm.Advice";

    @TempDir
    Path directory;

    @Test
    void aRuleThatCapturesNothingWeavesWithByteBuddysAsmAlone() throws Exception {
        List<String> weaving = firstWeave("""
                rules:
                  - name: simple
                    role: generation
                    class: fixture.weaving.SpecGenerator
                    method: generate
                """);

        assertThat(weaving).as("classes loaded by the first weave").anyMatch(line -> line.contains(ASM))
                .noneMatch(line -> line.contains(BYTE_BUDDY) && !line.contains(ASM));
    }

    @Test
    void aRuleWithCapturesChecksThemOnTypeDescriptionsAndStillNeedsNoAdvice() throws Exception {
        List<String> weaving = firstWeave("""
                rules:
                  - name: capturing
                    role: generation
                    class: fixture.weaving.SpecGenerator
                    method: generate
                    capture:
                      model: args[0].model
                """);

        assertThat(weaving).as("classes loaded by the first weave")
                .anyMatch(line -> line.contains(BYTE_BUDDY + "pool.TypePool"))
                .noneMatch(line -> line.contains(ADVICE));
    }

    /**
     * The class-loading lines between the host loading its generator and its seven calls being
     * done, after checking that Genscope counted every call.
     */
    private List<String> firstWeave(String rules) throws Exception {
        Path config = Files.writeString(directory.resolve("genscope.yaml"), rules);
        try (ForkedJvm jvm = ForkedJvm.start(List.of("-verbose:class", SampleLaunch.agentFlag(config)),
                List.of("-cp", SampleLaunch.TEST_CLASSES.toString(), LateClassHost.class.getName(), "7"))) {
            assertThat(jvm.awaitExit(RUN_TIME)).as("exit status; stderr: %s", jvm.stderr()).isZero();
            List<String> stdout = jvm.stdout();
            assertThat(stdout).contains("host calls=7 length=84", "genscope generations=7");
            assertThat(jvm.stderr()).as("stderr").noneMatch(line -> line.contains("could not instrument"));
            return stdout.subList(stdout.indexOf("host loading the generator"), stdout.indexOf("host calls=7 length=84"))
                    .stream().filter(line -> line.contains("[class,load]")).toList();
        }
    }
}
