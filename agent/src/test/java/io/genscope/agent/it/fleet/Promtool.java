package io.genscope.agent.it.fleet;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus' own linter, {@code promtool check metrics}, run on a scrape's text. */
final class Promtool {

    static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private Promtool() {
    }

    /** Fails unless promtool finds nothing to say about {@code text}. */
    static void assertCleanMetrics(String text) throws Exception {
        assertThat(PROMTOOL).as("promtool (apt install prometheus)").isExecutable();
        Process process = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(output).as("promtool check metrics").isEmpty();
        assertThat(process.exitValue()).as("promtool exit code").isZero();
    }

    static boolean installed() {
        return Files.isExecutable(PROMTOOL);
    }
}
