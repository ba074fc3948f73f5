package io.genscope.agent.it.cli;

import io.genscope.agent.cli.SummaryCommand;
import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.SampleLaunch;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of {@code summary} in its own JVM on the shaded agent jar, as an operator runs it.
 *
 * @param exit   the exit status
 * @param stdout what it printed, lines joined with {@code \n}
 * @param stderr what it printed on stderr, likewise
 */
public record SummaryRun(int exit, String stdout, String stderr) {

    /** Runs {@code java <jvmFlags> -cp <agent jar> SummaryCommand <args>} until it exits. */
    public static SummaryRun of(List<String> jvmFlags, String... args) throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>(jvmFlags);
        flags.addAll(List.of("-cp", SampleLaunch.AGENT_JAR.toString()));
        List<String> main = new ArrayList<>(List.of(SummaryCommand.class.getName()));
        main.addAll(List.of(args));
        try (ForkedJvm command = ForkedJvm.start(flags, main)) {
            int exit = command.awaitExit(Duration.ofMinutes(1));
            return new SummaryRun(exit, String.join("\n", command.stdout()), String.join("\n", command.stderr()));
        }
    }
}
