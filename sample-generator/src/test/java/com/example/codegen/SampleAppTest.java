package com.example.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.codegen.app.Report;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleAppTest {

    private static final List<String> COUNTS =
            List.of("generations", "successes", "failures", "retries", "validations", "validationFailures");

    private static Map<String, Object> defaultRun;

    @BeforeAll
    static void runWithDefaults() {
        defaultRun = groundTruth(run());
    }

    @Test
    void groundTruthHasExactlyTheAgreedKeys() {
        assertThat(defaultRun).containsOnlyKeys("generations", "successes", "failures", "failuresByType", "retries",
                "validations", "validationFailures", "errorsByType", "dependencies", "byModel");
        assertThat(object(defaultRun, "byModel")).containsOnlyKeys("codex-mini", "codex-pro")
                .allSatisfy((model, counts) -> assertThat(object(counts)).containsOnlyKeys(COUNTS));
    }

    @Test
    void groundTruthAddsUp() {
        assertThat(count(defaultRun, "generations")).isEqualTo(60);
        assertThat(count(defaultRun, "successes") + count(defaultRun, "failures")).isEqualTo(count(defaultRun, "generations"));
        assertThat(sum(object(defaultRun, "failuresByType"))).isEqualTo(count(defaultRun, "failures"));
        assertThat(sum(object(defaultRun, "errorsByType"))).isGreaterThanOrEqualTo(count(defaultRun, "validationFailures"));
        assertThat(count(defaultRun, "validationFailures")).isLessThan(count(defaultRun, "validations"));
        for (String key : COUNTS) {
            long byModel = object(defaultRun, "byModel").values().stream()
                    .mapToLong(counts -> count(object(counts), key)).sum();
            assertThat(byModel).as("sum of byModel.%s", key).isEqualTo(count(defaultRun, key));
        }
    }

    @Test
    void defaultRunExercisesEveryPath() {
        assertThat(count(defaultRun, "retries")).as("some generations were repaired").isPositive();
        assertThat(count(defaultRun, "validations"))
                .as("some generations succeeded at once")
                .isLessThan(count(defaultRun, "generations") + count(defaultRun, "retries"));
        assertThat(object(defaultRun, "failuresByType")).containsOnlyKeys(
                GenerationFailedException.class.getName(), ModelUnavailableException.class.getName());
        assertThat(object(defaultRun, "errorsByType")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(object(defaultRun, "dependencies")).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy((dependency, count) -> assertThat((Long) count).isBetween(1L, count(defaultRun, "successes")));
    }

    @Test
    void givesTheSameGroundTruthForTheSameSeed() {
        assertThat(groundTruthLine(run("--requests", "12", "--seed", "7")))
                .isEqualTo(groundTruthLine(run("--requests", "12", "--seed", "7")));
    }

    @Test
    void printsUsageForHelpWithoutRunning() {
        String output = run("--help");

        assertThat(output).startsWith("Usage: java -jar sample-generator.jar").doesNotContain("GROUND_TRUTH");
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SampleApp.main(args);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static String groundTruthLine(String output) {
        List<String> lines = output.lines().filter(line -> line.startsWith(Report.GROUND_TRUTH_PREFIX)).toList();
        assertThat(lines).hasSize(1);
        assertThat(output.strip()).endsWith(lines.get(0));
        return lines.get(0);
    }

    private static Map<String, Object> groundTruth(String output) {
        return object(JsonParser.parse(groundTruthLine(output).substring(Report.GROUND_TRUTH_PREFIX.length())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> object(Map<String, Object> json, String key) {
        return object(json.get(key));
    }

    private static long count(Map<String, Object> json, String key) {
        assertThat(json.get(key)).as(key).isInstanceOf(Long.class);
        return (Long) json.get(key);
    }

    private static long sum(Map<String, Object> counts) {
        return counts.values().stream().mapToLong(Long.class::cast).sum();
    }
}
