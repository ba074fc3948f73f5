package io.genscope.agent.it.fleet;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet alerting rules in {@code docs/prometheus/genscope-alerts.yaml} pass Prometheus' own
 * checks and their unit tests ({@code genscope-alerts.test.yaml}: fire on the fleet's figure, not
 * one JVM's; stay firing between the firing and the recovery threshold and on a tiny sample;
 * recover below the recovery threshold or on an empty window; carry a JVM's restart; never fire on
 * an idle service or a tiny sample), run by the real {@code promtool}.
 */
class FleetAlertRulesIT {

    private static final Path RULES = PrometheusTools.DOCS.resolve("genscope-alerts.yaml");
    private static final Path RULE_TESTS = PrometheusTools.DOCS.resolve("genscope-alerts.test.yaml");

    @Test
    void theRulesAreValid() throws Exception {
        assertThat(promtool("check", "rules", RULES.toString())).contains("SUCCESS");
    }

    @Test
    void theRulesPassTheirUnitTests() throws Exception {
        assertThat(promtool("test", "rules", RULE_TESTS.toString())).contains("SUCCESS");
    }

    /** Runs promtool; fails with its whole output unless it exits with 0. */
    private static String promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PrometheusTools.promtool().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as("promtool %s said:%n%s", String.join(" ", args), output).isZero();
        return output;
    }
}
