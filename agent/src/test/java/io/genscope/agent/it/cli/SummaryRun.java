package io.genscope.agent.it.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of {@code java -jar genscope-agent.jar summary ...} in its own JVM, as an operator runs
 * it, with its output as text.
 *
 * @param exit   the exit status
 * @param stdout what it printed, lines joined with {@code \n}
 * @param stderr what it printed on stderr, likewise
 */
public record SummaryRun(int exit, String stdout, String stderr) {

    /** Runs {@code java <jvmFlags> -jar <agent jar> summary <args>} until it exits. */
    public static SummaryRun of(List<String> jvmFlags, String... args) throws Exception {
        List<String> commandLine = new ArrayList<>(List.of("summary"));
        commandLine.addAll(List.of(args));
        AgentCommandLine run = AgentCommandLine.run(jvmFlags, commandLine.toArray(String[]::new));
        return new SummaryRun(run.status(), String.join("\n", run.stdout()), String.join("\n", run.stderr()));
    }
}
