package io.genscope.agent.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command lines {@code summary} refuses, and an address where nothing listens: one line and a status. */
class SummaryCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                    | 2 | no pid or host:port given",
            "12 13                                 | 2 | unexpected argument '13'",
            "12 --verbose                          | 2 | unexpected argument '--verbose'",
            "somewhere                             | 2 | is neither a pid nor host:port",
            "12 --window                           | 2 | --window needs a value",
            "12 --user bob                         | 2 | --user is for a remote host:port",
            "host:9010 --password-file pw          | 2 | --password-file needs --user",
            "12 --window abc                       | 1 | bad window 'abc'",
            "12 --window 0s                        | 1 | bad window '0s'",
            "12 --window 1500ms                    | 1 | bad window '1500ms'",
            "127.0.0.1:1                           | 1 | cannot connect to 127.0.0.1:1: connection refused"})
    void refusesWithOneLine(String commandLine, int status, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = commandLine.isEmpty() ? List.of() : List.of(commandLine.split(" "));

        int exit = new SummaryCommand().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(status);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("genscope summary: ").contains(message)
                .endsWith(System.lineSeparator()).hasLineCount(1);
    }
}
