package io.genscope.agent.it.breakdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.GenscopeMBeans;
import io.genscope.agent.it.GroundTruth;
import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.cli.SummaryRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.management.MBeanAttributeInfo;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every breakdown figure, read over real JMX from the sample generator under its own config (which
 * captures variant, project, user and prompt category), against the sample's own count: for each
 * value of each dimension the exact counts and rates, the mean prompt length, and the p50/p95 of
 * prompt length and generation time within the coarse histograms' bound; over the default window
 * and over a window of {@code store.windows}. Users appear as the HMAC-SHA256 pseudonyms of the key
 * file the test writes, computed here with the JDK's own HMAC.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BreakdownIT {

    /** A quantile read at a coarse bucket's middle is within an eighth of the bucket's values. */
    private static final double QUANTILE_BOUND = 0.125;
    private static final Map<String, String> DIMENSIONS = Map.of("variant", "byVariant", "project", "byProject",
            "user", "byUser", "prompt-category", "byPromptCategory");

    private BreakdownSample sample;
    private byte[] key;

    @BeforeAll
    void start() throws Exception {
        Path directory = Files.createTempDirectory("genscope-breakdown-it");
        key = HexFormat.of().formatHex(randomBytes()).getBytes(StandardCharsets.US_ASCII);
        Path keyFile = Files.write(directory.resolve("user-key"), (new String(key, StandardCharsets.US_ASCII) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        sample = BreakdownSample.start(directory.resolve("run"),
                List.of("  windows: [5m]", "  user-id-key-file: " + keyFile),
                "", List.of("--requests", "120", "--seed", Long.toString(ThreadLocalRandom.current().nextLong(1, 1000)),
                        "--times"));
    }

    @AfterAll
    void stop() throws Exception {
        sample.close();
    }

    @Test
    void everyValueOfEveryDimensionHasTheFiguresTheSampleCounted() throws Exception {
        for (Map.Entry<String, String> dimension : DIMENSIONS.entrySet()) {
            for (String window : new String[] {null, "5m"}) {
                assertRows(dimension.getKey(), window, expected(dimension.getValue()));
            }
        }
    }

    @Test
    void theSecondPromptVersionShowsItsLowerDefectRate() throws Exception {
        Map<String, CompositeData> variants = sample.top("variant", null);
        assertThat((Double) variants.get("prompt-v2").get("firstPassRate"))
                .isGreaterThan((Double) variants.get("prompt-v1").get("firstPassRate"));
        assertThat((Double) variants.get("prompt-v2").get("validationFailureRate"))
                .isLessThan((Double) variants.get("prompt-v1").get("validationFailureRate"));
    }

    @Test
    void eachBreakdownMBeanSaysWhatItShows() throws Exception {
        GenscopeMBeans mbeans = new GenscopeMBeans(sample.connection());
        for (String dimension : DIMENSIONS.keySet()) {
            String name = BreakdownSample.name(dimension, null);
            assertThat(mbeans.attribute(name, "Dimension")).isEqualTo(dimension);
            assertThat(mbeans.longAttribute(name, "WindowSeconds")).isEqualTo(3600L);
            assertThat(mbeans.longAttribute(BreakdownSample.name(dimension, "5m"), "WindowSeconds")).isEqualTo(300L);
            assertThat(((Integer) mbeans.attribute(name, "Values")).longValue())
                    .isEqualTo(expected(DIMENSIONS.get(dimension)).size());
            MBeanAttributeInfo top = List.of(sample.connection().getMBeanInfo(new ObjectName(name)).getAttributes())
                    .stream().filter(a -> a.getName().equals("Top")).findFirst().orElseThrow();
            TabularType table = (TabularType) top.getDescriptor().getFieldValue("openType");
            var row = (javax.management.openmbean.CompositeType) table.getRowType().getType("value");
            assertThat(row.getDescription("firstPassRate")).startsWith("First-pass rate, a fraction in [0, 1]");
            assertThat(table.getRowType().getDescription("key")).contains("pseudonym");
        }
    }

    @Test
    void theSummaryCommandShowsEachDimensionAsATableAndInItsJson() throws Exception {
        String pid = Long.toString(sample.jvm().pid());
        SummaryRun text = SummaryRun.of(List.of(), pid);
        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.stdout()).contains("  by variant", "  by project", "  by user", "  by prompt-category");
        for (Map.Entry<String, GroundTruth.Breakdown> variant : sample.truth().byVariant().entrySet()) {
            GroundTruth.Breakdown truth = variant.getValue();
            assertThat(text.stdout()).containsPattern("\\n  " + variant.getKey() + " +" + truth.generations() + " +"
                    + percent(truth.successes(), truth.generations()) + " +"
                    + percent(truth.firstPassGenerations(), truth.validatedGenerations()) + " ");
        }

        SummaryRun json = SummaryRun.of(List.of(), pid, "--json");
        JsonNode breakdowns = new ObjectMapper().readTree(json.stdout()).get("breakdowns");
        for (Map.Entry<String, String> dimension : DIMENSIONS.entrySet()) {
            Map<String, GroundTruth.Breakdown> expected = expected(dimension.getValue());
            JsonNode rows = breakdowns.get(dimension.getKey());
            assertThat(rows.size()).as(dimension.getKey()).isEqualTo(expected.size());
            expected.forEach((value, truth) -> {
                assertThat(rows.get(value).get("generations").asLong()).as(value).isEqualTo(truth.generations());
                assertThat(rows.get(value).get("validationFailureRate").asDouble()).as(value)
                        .isEqualTo(ratio(truth.validationFailures(), truth.validations()));
            });
        }
    }

    @Test
    void reportOnExitPrintsATablePerVariantAndPerProject() throws Exception {
        try (ForkedJvm run = ForkedJvm.start(List.of(SampleLaunch.agentFlag(SampleLaunch.SAMPLE_CONFIG)),
                SampleLaunch.JAR.mainArgs(List.of("--requests", "30", "--seed", "11")))) {
            GroundTruth truth = GroundTruth.parse(run.awaitLine(GroundTruth.PREFIX, java.time.Duration.ofMinutes(2)));
            assertThat(run.awaitExit(java.time.Duration.ofMinutes(1))).isZero();
            String report = String.join("\n", run.stderr());
            assertThat(report).contains("  by variant", "  by project");
            truth.byVariant().forEach((variant, row) ->
                    assertThat(report).containsPattern("\\n  " + variant + " +" + row.generations() + " "));
            truth.byProject().forEach((project, row) ->
                    assertThat(report).containsPattern("\\n  " + project + " +" + row.generations() + " "));
        }
    }

    private static String percent(long part, long whole) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * ratio(part, whole)).replace(".", "\\.");
    }

    /** The sample's rows of {@code dimension}, users keyed by their pseudonym as Genscope keeps them. */
    private Map<String, GroundTruth.Breakdown> expected(String dimension) throws Exception {
        GroundTruth truth = sample.truth();
        Map<String, GroundTruth.Breakdown> rows = switch (dimension) {
            case "byVariant" -> truth.byVariant();
            case "byProject" -> truth.byProject();
            case "byUser" -> truth.byUser();
            default -> truth.byPromptCategory();
        };
        if (!dimension.equals("byUser")) {
            return rows;
        }
        Map<String, GroundTruth.Breakdown> byPseudonym = new LinkedHashMap<>();
        for (Map.Entry<String, GroundTruth.Breakdown> user : rows.entrySet()) {
            byPseudonym.put(pseudonym(user.getKey()), user.getValue());
        }
        return byPseudonym;
    }

    private String pseudonym(String userId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
    }

    private void assertRows(String dimension, String window, Map<String, GroundTruth.Breakdown> expected)
            throws Exception {
        Map<String, CompositeData> shown = sample.top(dimension, window);
        assertThat(shown).as(dimension + " values").containsOnlyKeys(expected.keySet());
        for (Map.Entry<String, GroundTruth.Breakdown> value : expected.entrySet()) {
            String as = dimension + "=" + value.getKey() + (window == null ? "" : " over " + window);
            CompositeData row = shown.get(value.getKey());
            GroundTruth.Breakdown truth = value.getValue();
            assertThat(Map.of("generations", row.get("generations"), "successes", row.get("successes"),
                    "validatedGenerations", row.get("validatedGenerations"), "firstPassGenerations",
                    row.get("firstPassGenerations"), "retries", row.get("retries"), "validations", row.get("validations"),
                    "validationFailures", row.get("validationFailures"))).as(as).isEqualTo(Map.of(
                    "generations", truth.generations(), "successes", truth.successes(),
                    "validatedGenerations", truth.validatedGenerations(), "firstPassGenerations",
                    truth.firstPassGenerations(), "retries", truth.retries(), "validations", truth.validations(),
                    "validationFailures", truth.validationFailures()));
            assertThat((Double) row.get("successRate")).as(as).isEqualTo(ratio(truth.successes(), truth.generations()));
            assertThat((Double) row.get("firstPassRate")).as(as)
                    .isEqualTo(ratio(truth.firstPassGenerations(), truth.validatedGenerations()));
            assertThat((Double) row.get("averageRetries")).as(as).isEqualTo(ratio(truth.retries(), truth.generations()));
            assertThat((Double) row.get("validationFailureRate")).as(as)
                    .isEqualTo(ratio(truth.validationFailures(), truth.validations()));
            assertThat((Double) row.get("averagePromptLength")).as(as)
                    .isCloseTo(truth.promptLengths().stream().mapToLong(Long::longValue).average().orElse(0), within(1e-9));
            assertQuantile(as + " prompt length p50", (Double) row.get("promptLengthP50"), truth.promptLengths(), 0.50, 1);
            assertQuantile(as + " prompt length p95", (Double) row.get("promptLengthP95"), truth.promptLengths(), 0.95, 1);
            // the sample times each call from outside it: a few microseconds more than Genscope sees
            assertQuantile(as + " time p50", 1000 * (Double) row.get("generationTimeP50Millis"),
                    truth.generationMicros(), 0.50, 50);
            assertQuantile(as + " time p95", 1000 * (Double) row.get("generationTimeP95Millis"),
                    truth.generationMicros(), 0.95, 50);
        }
    }

    /** {@code shown} is the value of rank ceil(q n) among {@code values}, within the bound, plus {@code slack}. */
    private static void assertQuantile(String as, double shown, List<Long> values, double quantile, double slack) {
        List<Long> sorted = values.stream().sorted().toList();
        long exact = sorted.get((int) Math.max(0, Math.ceil(quantile * sorted.size()) - 1));
        assertThat(shown).as(as + " (exact " + exact + ")")
                .isBetween(exact * (1 - QUANTILE_BOUND) - slack, exact * (1 + QUANTILE_BOUND) + slack);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
