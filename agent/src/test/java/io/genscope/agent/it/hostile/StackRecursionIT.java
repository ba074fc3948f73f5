package io.genscope.agent.it.hostile;

import com.example.hostile.StackRecursiveGenerator;
import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.hostile.hosts.StackRecursiveHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recursive generator keeps its stack: with the agent, a recursion as deep as without it still
 * fits on a 1 MB stack, returns what it returns without the agent, and a {@link StackOverflowError}
 * inside an instrumented recursion reaches the host as it is, leaves the thread's figures right
 * and puts nothing on stderr.
 * Host: {@link StackRecursiveHost}. The depth ratio itself is measured by
 * {@code benchmarks/stack-depth.sh}, not asserted here.
 */
class StackRecursionIT {

    private static final Duration RUN_TIME = Duration.ofMinutes(2);
    /** 100-deep recursions before the deep one: the JIT has compiled the method, as in a host that has been running. */
    private static final String WARM_UP = "50000";

    /** The roles a rule can give the recursive method, and the rules that give it. */
    enum Role {
        GENERATION(rule("depth", "generation")),
        RETRY(rule("generate", "generation") + rule("depth", "retry")),
        VALIDATION(rule("depth", "validation"));

        final String rules;

        Role(String rules) {
            this.rules = rules;
        }
    }

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(Role.class)
    void aTenThousandDeepRecursionCompletesOnAOneMegabyteStackAsWithoutTheAgent(Role role) throws Exception {
        List<String> hostArgs = List.of("complete", "10000", WARM_UP);
        Run without = run(List.of(), hostArgs);
        Run with = run(List.of(SampleLaunch.agentFlag(config(role.rules))), hostArgs);

        assertThat(without.stdout()).containsExactly("depth(10000) returned 10000");
        assertThat(with.stdout()).isEqualTo(without.stdout());
        assertThat(with.report()).as("the agent instrumented the recursion").contains(role == Role.VALIDATION
                ? "validations      " + (50_000 * 101 + 10_001) + ","
                : "generations      50001 started, 50001 succeeded");
    }

    @Test
    void aStackOverflowInAnInstrumentedRecursionReachesTheHostAndTheNextGenerationIsCountedRight() throws Exception {
        Run without = run(List.of(), List.of("overflow"));
        Run with = run(List.of(SampleLaunch.agentFlag(config(Role.GENERATION.rules))), List.of("overflow"));

        assertThat(without.stdout()).containsExactly("deep threw java.lang.StackOverflowError, then returned 5");
        assertThat(with.stdout()).isEqualTo(without.stdout());
        assertThat(with.report())
                .contains("generations      2 started, 1 succeeded, 1 failed")
                .contains("failure types    java.lang.StackOverflowError 1");
        assertThat(with.stderr()).as("nothing but the start line and the report, nothing per level of the recursion")
                .allMatch(line -> line.equals(SampleLaunch.CDS_NOTE) || line.startsWith("[genscope] INFO")
                        || line.startsWith("[genscope] summary") || line.startsWith("  "));
    }

    private static String rule(String method, String role) {
        return "  - name: " + method + "\n    role: " + role + "\n    class: " + StackRecursiveGenerator.class.getName()
                + "\n    method: " + method + "\n";
    }

    private Path config(String rules) throws IOException {
        return Files.writeString(directory.resolve("genscope.yaml"), "report-on-exit: true\nrules:\n" + rules);
    }

    /** What the host printed on stdout and on stderr, where Genscope writes too. */
    private record Run(List<String> stdout, List<String> stderr) {

        /** Genscope's report on exit (absent without the agent) and anything else on stderr. */
        String report() {
            return String.join("\n", stderr);
        }
    }

    private static Run run(List<String> agentFlags, List<String> hostArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("-cp", SampleLaunch.TEST_CLASSES.toString(),
                StackRecursiveHost.class.getName()));
        args.addAll(hostArgs);
        try (ForkedJvm jvm = ForkedJvm.start(agentFlags, args)) {
            assertThat(jvm.awaitExit(RUN_TIME)).as("exit code; stderr: %s", jvm.stderr()).isZero();
            return new Run(jvm.stdout(), jvm.stderr());
        }
    }
}
