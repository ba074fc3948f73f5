package io.genscope.agent.it.cli;

import io.genscope.agent.it.SampleLaunch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent jar as a program: help, version, and what a command line it cannot understand gets. */
class CommandLineIT {

    private static final String PROGRAM = "java -jar genscope-agent.jar";

    @Test
    void helpListsEveryCommandsUsage() throws Exception {
        AgentCommandLine help = AgentCommandLine.run("help");

        assertThat(help.status()).isZero();
        assertThat(help.stdout()).first().asString().startsWith("usage: " + PROGRAM);
        assertThat(help.stdout()).anyMatch(line -> line.startsWith("  " + PROGRAM + " check <genscope.yaml> --class-path"))
                .anyMatch(line -> line.startsWith("  " + PROGRAM + " summary <pid|host:port> [--window 5m] [--json]"))
                .anyMatch(line -> line.startsWith("  " + PROGRAM + " attach <pid> [config=<genscope.yaml>]"))
                .anyMatch(line -> line.startsWith("  " + PROGRAM + " reload <pid|host:port> [--user NAME"))
                .anyMatch(line -> line.startsWith("  " + PROGRAM + " --version"));
        assertThat(help.stderr()).isEmpty();
    }

    @Test
    void versionIsTheOneTheStartupLineGives(@TempDir Path directory) throws Exception {
        AgentCommandLine version = AgentCommandLine.run("--version");

        assertThat(version.status()).isZero();
        String startup = AgentRun.of(Files.writeString(directory.resolve("genscope.yaml"), SampleLaunch.ONE_RULE_CONFIG))
                .stream().filter(line -> line.startsWith("[genscope] INFO Genscope ")).findFirst().orElseThrow();
        assertThat(version.stdout()).singleElement().asString().startsWith("Genscope ")
                .satisfies(line -> assertThat(startup).startsWith("[genscope] INFO " + line + " started with"));
    }

    @Test
    void noArgumentGetsTheUsageOnStderrAndStatusTwo() throws Exception {
        AgentCommandLine none = AgentCommandLine.run();

        assertThat(none.status()).isEqualTo(2);
        assertThat(none.stdout()).isEmpty();
        assertThat(none.stderr()).first().asString().startsWith("usage: " + PROGRAM);
    }

    @Test
    void anUnknownCommandGetsOneUsageLineOnStderrAndStatusTwo() throws Exception {
        AgentCommandLine unknown = AgentCommandLine.run("chekc");

        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.stdout()).isEmpty();
        assertThat(unknown.stderr()).singleElement().asString()
                .startsWith("unknown command 'chekc'; usage: " + PROGRAM + " <check|");
    }

    @Test
    void runningTheJarStartsNoAgent() throws Exception {
        AgentCommandLine help = AgentCommandLine.run("help");

        assertThat(help.stdout()).noneMatch(line -> line.contains("[genscope]"));
        assertThat(help.stderr()).noneMatch(line -> line.contains("[genscope]"));
    }
}
