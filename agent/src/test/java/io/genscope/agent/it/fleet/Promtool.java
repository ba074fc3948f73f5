package io.genscope.agent.it.fleet;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus' own linter, {@code promtool check metrics}, run on a scrape's text. */
final class Promtool {

    private Promtool() {
    }

    /** Fails unless promtool finds nothing to say about {@code text}. */
    static void assertCleanMetrics(String text) throws Exception {
        Process process = new ProcessBuilder(PrometheusTools.promtool().toString(), "check", "metrics")
                .redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(output).as("promtool check metrics").isEmpty();
        assertThat(process.exitValue()).as("promtool exit code").isZero();
    }
}
