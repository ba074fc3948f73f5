package io.genscope.agent.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command lines {@code summary} and {@code reload} refuse, and an address where nothing
 * listens: one line and a status.
 */
class JmxCommandsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "summary |                              | 2 | no pid or host:port given",
            "summary | 12 13                        | 2 | unexpected argument '13'",
            "summary | 12 --verbose                 | 2 | unexpected argument '--verbose'",
            "summary | somewhere                    | 2 | is neither a pid nor host:port",
            "summary | 12 --window                  | 2 | --window needs a value",
            "summary | 12 --user bob                | 2 | --user is for a remote host:port",
            "summary | host:9010 --password-file pw | 2 | --password-file needs --user",
            "summary | 12 --window abc              | 1 | bad window 'abc'",
            "summary | 12 --window 0s               | 1 | bad window '0s'",
            "summary | 12 --window 1500ms           | 1 | bad window '1500ms'",
            "summary | 127.0.0.1:1                  | 1 | cannot connect to 127.0.0.1:1: connection refused",
            "reload  |                              | 2 | no pid or host:port given",
            "reload  | 12 --json                    | 2 | unexpected argument '--json'",
            "reload  | 12 13                        | 2 | unexpected argument '13'",
            "reload  | host:9010 --user             | 2 | --user needs a value",
            "reload  | 12 --user bob                | 2 | --user is for a remote host:port",
            "reload  | 127.0.0.1:1                  | 1 | cannot connect to 127.0.0.1:1: connection refused"})
    void refusesWithOneLine(String command, String commandLine, int status, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(command));
        if (commandLine != null) {
            args.addAll(List.of(commandLine.split(" ")));
        }

        int exit = CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(status);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("genscope " + command + ": ").contains(message)
                .endsWith(System.lineSeparator()).hasLineCount(1);
    }
}
