package com.example.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.codegen.app.Report;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
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
                "validations", "validationFailures", "errorsByType", "dependencies", "byModel", "byVariant", "byProject",
                "byUser", "byPromptCategory");
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
    void timesEveryGenerateCallWhenAsked() {
        Map<String, Object> timed = groundTruth(run("--requests", "5", "--times"));

        assertThat(list(timed, "generationMicros")).hasSize(5).allSatisfy(micros -> assertThat((Long) micros).isPositive());
        timed.remove("generationMicros");
        for (String dimension : BREAKDOWNS) {
            object(timed, dimension).values().forEach(row -> {
                assertThat(list(object(row), "generationMicros")).hasSize((int) count(object(row), "generations"));
                object(row).remove("generationMicros");
            });
        }
        assertThat(timed).isEqualTo(groundTruth(run("--requests", "5")));
    }

    private static final List<String> BREAKDOWNS = List.of("byVariant", "byProject", "byUser", "byPromptCategory");

    @Test
    void breaksEveryFigureDownByVariantProjectUserAndCategory() {
        Map<String, Object> truth = groundTruth(run("--requests", "120", "--seed", "42", "--user-prefix", "p-"));
        for (String dimension : BREAKDOWNS) {
            Map<String, Object> rows = object(truth, dimension);
            for (String key : List.of("generations", "successes", "retries", "validations", "validationFailures")) {
                assertThat(rows.values().stream().mapToLong(row -> count(object(row), key)).sum())
                        .as("%s: sum of %s", dimension, key).isEqualTo(count(truth, key));
            }
        }
        assertThat(object(truth, "byUser")).as("users are keyed without the run's prefix")
                .containsOnlyKeys("ada@example.com", "grace@example.com", "linus@example.com", "ken@example.com");
        assertThat(object(truth, "byPromptCategory")).containsOnlyKeys("rest-client", "csv-parser", "lru-cache",
                "retry-helper", "json-dto");
        Map<String, Object> v1 = object(object(truth, "byVariant").get("prompt-v1"));
        Map<String, Object> v2 = object(object(truth, "byVariant").get("prompt-v2"));
        assertThat((double) count(v2, "firstPassGenerations") / count(v2, "validatedGenerations"))
                .as("the second prompt version passes its first validation more often")
                .isGreaterThan((double) count(v1, "firstPassGenerations") / count(v1, "validatedGenerations") + 0.1);
    }

    @Test
    void pausesAfterTheAskedRequestsUntilALineArrives() {
        String output = runWithInput("\n", "--requests", "5", "--pause-after", "2", "--times");

        List<String> paused = output.lines().filter(line -> line.startsWith(Report.PAUSED_PREFIX)).toList();
        assertThat(paused).hasSize(1);
        Map<String, Object> before = object(JsonParser.parse(paused.get(0).substring(Report.PAUSED_PREFIX.length())));
        Map<String, Object> after = groundTruth(output);
        assertThat(before).containsOnlyKeys(after.keySet());
        assertThat(count(before, "generations")).isEqualTo(2);
        assertThat(count(after, "generations")).isEqualTo(5);
        assertThat(list(after, "generationMicros").subList(0, 2)).isEqualTo(list(before, "generationMicros"));
        assertThat(output.indexOf(Report.PAUSED_PREFIX)).isLessThan(output.indexOf(Report.GROUND_TRUTH_PREFIX));
    }

    @Test
    void goesOnAtTheEndOfInput() {
        String output = runWithInput("", "--requests", "3", "--pause-after", "1");

        assertThat(output).contains(Report.PAUSED_PREFIX);
        assertThat(count(groundTruth(output), "generations")).isEqualTo(3);
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

    private static String runWithInput(String input, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(original);
        }
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

    private static List<?> list(Map<String, Object> json, String key) {
        assertThat(json.get(key)).as(key).isInstanceOf(List.class);
        return (List<?>) json.get(key);
    }

    private static long count(Map<String, Object> json, String key) {
        assertThat(json.get(key)).as(key).isInstanceOf(Long.class);
        return (Long) json.get(key);
    }

    private static long sum(Map<String, Object> counts) {
        return counts.values().stream().mapToLong(Long.class::cast).sum();
    }
}
