package io.genscope.agent.it.fleet;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.FreePort;
import io.genscope.agent.it.GroundTruth;
import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.fleet.PrometheusText.Series;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The JMX exporter path, as a user who already runs the Prometheus JMX exporter would set it up:
 * the sample generator with both {@code -javaagent:genscope-agent.jar} and the real
 * {@code jmx_prometheus_javaagent} from Maven Central, reading the rules file the repository
 * ships ({@code docs/prometheus/jmx-exporter.yaml}), scraped over HTTP. Its output must hold the
 * contract's families, names and labels (unquoted, values whole), with the sample's own counts,
 * pass {@code promtool check metrics}, and, scraped by a real Prometheus with the repository's
 * scrape job, be stored under the contract's names, {@code _bucket} included.
 *
 * <p>The generation rule is renamed to a name full of the characters that mean something to an
 * {@code ObjectName}, to the exporter's {@code domain<key=value, ...><>attribute: value} line and
 * to its rules' regular expressions, so every series checks that a label value comes through
 * whole.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JmxExporterIT {

    private static final Path EXPORTER_JAR = Path.of(System.getProperty("genscope.jmx.exporter.jar"));
    private static final Path RULES = Path.of(System.getProperty("genscope.jmx.exporter.rules"));
    private static final Path SCRAPE_JOB = Path.of(System.getProperty("genscope.prometheus.scrape.job"));
    /** The generation rule's name, and so the generator label of every series. */
    private static final String GENERATOR = "gen, \"a\"=b>c: d\\e";
    private static final List<String> BOUNDS = List.of("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1",
            "2.5", "5", "10", "30", "60", "120", "300", "+Inf");
    private static final Map<String, Set<String>> COUNTERS = Map.of(
            "genscope_generations_total", Set.of("generator", "model", "outcome"),
            "genscope_retries_total", Set.of("generator", "model"),
            "genscope_retried_generations_total", Set.of("generator", "model", "outcome"),
            "genscope_validations_total", Set.of("generator", "model", "outcome"),
            "genscope_validation_errors_total", Set.of("generator", "type"),
            "genscope_generation_failures_total", Set.of("generator", "type"),
            "genscope_dependencies_total", Set.of("generator", "dependency"));
    private static final List<String> HISTOGRAMS = List.of(
            "genscope_generation_duration_seconds", "genscope_validation_duration_seconds");

    private Path directory;
    private ForkedJvm jvm;
    private int port;
    private GroundTruth truth;
    private String scraped;
    private PrometheusText scrape;

    @BeforeAll
    void startTheSampleWithGenscopeAndTheExporter() throws Exception {
        directory = Files.createTempDirectory("genscope-jmx-exporter-it");
        Path config = directory.resolve("genscope.yaml");
        String sampleConfig = Files.readString(SampleLaunch.SAMPLE_CONFIG);
        Files.writeString(config, sampleConfig.replace("  - name: generate\n",
                "  - name: '" + GENERATOR.replace("'", "''") + "'\n"));
        port = FreePort.find();
        jvm = ForkedJvm.start(
                List.of(SampleLaunch.agentFlag(config), "-javaagent:" + EXPORTER_JAR + "=127.0.0.1:" + port + ":" + RULES),
                SampleLaunch.JAR.mainArgs(List.of("--requests", "80", "--seed", "11", "--keep-running")));
        truth = GroundTruth.parse(jvm.awaitLine(GroundTruth.PREFIX, Duration.ofMinutes(2)));
        scraped = scrapeTheExporter();
        scrape = PrometheusText.parse(scraped);
    }

    @AfterAll
    void stop() throws Exception {
        jvm.close();
    }

    private String scrapeTheExporter() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static boolean outcome(Series series, String outcome) {
        return outcome.equals(series.label("outcome"));
    }

    private static long tally(Map<String, Long> model, String key) {
        return model.getOrDefault(key, 0L);
    }

    @Test
    void generationsAndValidationsByOutcomeEqualTheSamplesCountsInAllAndPerModel() {
        assertThat(scrape.sum("genscope_generations_total", s -> outcome(s, "success"))).isEqualTo(truth.successes());
        assertThat(scrape.sum("genscope_generations_total", s -> outcome(s, "failure"))).isEqualTo(truth.failures());
        assertThat(scrape.sum("genscope_validations_total", s -> outcome(s, "failed"))).isEqualTo(truth.validationFailures());
        assertThat(scrape.sum("genscope_validations_total", s -> outcome(s, "passed")))
                .isEqualTo(truth.validations() - truth.validationFailures());
        assertThat(scrape.sum("genscope_retries_total", s -> true)).isEqualTo(truth.retries());
        for (Map.Entry<String, Map<String, Long>> model : truth.byModel().entrySet()) {
            String name = model.getKey();
            Map<String, Long> counts = model.getValue();
            assertThat(scrape.sum("genscope_generations_total", s -> name.equals(s.label("model")) && outcome(s, "success")))
                    .as(name).isEqualTo(tally(counts, "successes"));
            assertThat(scrape.sum("genscope_generations_total", s -> name.equals(s.label("model")) && outcome(s, "failure")))
                    .as(name).isEqualTo(tally(counts, "failures"));
            assertThat(scrape.sum("genscope_validations_total", s -> name.equals(s.label("model")) && outcome(s, "failed")))
                    .as(name).isEqualTo(tally(counts, "validationFailures"));
            assertThat(scrape.sum("genscope_retries_total", s -> name.equals(s.label("model"))))
                    .as(name).isEqualTo(tally(counts, "retries"));
        }
        assertThat(scrape.sum("genscope_retried_generations_total", s -> true)).isBetween(1.0, (double) truth.generations());
    }

    @Test
    void errorsFailuresAndDependenciesByNameEqualTheSamplesCounts() {
        assertThat(scrape.sumBy("genscope_validation_errors_total", "type")).isEqualTo(truth.errorsByType());
        assertThat(scrape.sumBy("genscope_generation_failures_total", "type")).isEqualTo(truth.failuresByType());
        assertThat(scrape.sumBy("genscope_dependencies_total", "dependency")).isEqualTo(truth.dependencies());
    }

    @Test
    void histogramsHaveEveryBucketCumulativeWithCountAndSumPerModel() {
        assertHistogram("genscope_generation_duration_seconds", perModel("generations"));
        assertHistogram("genscope_validation_duration_seconds", perModel("validations"));
    }

    /** The ground truth's {@code tally} of each model that has any. */
    private Map<String, Long> perModel(String tally) {
        Map<String, Long> counts = new TreeMap<>();
        truth.byModel().forEach((model, tallies) -> {
            if (tally(tallies, tally) > 0) {
                counts.put(model, tally(tallies, tally));
            }
        });
        return counts;
    }

    /** The exporter 1.x names the buckets without {@code _bucket}; the scrape job restores it. */
    private void assertHistogram(String family, Map<String, Long> countByModel) {
        Map<String, Long> counts = scrape.sumBy(family + "_count", "model");
        counts.values().removeIf(count -> count == 0);
        assertThat(counts).as(family + "_count by model").isEqualTo(countByModel);
        for (Series count : scrape.named(family + "_count")) {
            List<Series> buckets = scrape.named(family).stream()
                    .filter(b -> b.label("model").equals(count.label("model"))
                            && b.label("generator").equals(count.label("generator")))
                    .toList();
            assertThat(buckets).extracting(b -> b.label("le")).containsExactlyInAnyOrderElementsOf(BOUNDS);
            List<Double> cumulative = BOUNDS.stream().map(le -> buckets.stream()
                    .filter(b -> b.label("le").equals(le)).findFirst().orElseThrow().value()).toList();
            assertThat(cumulative).isSorted().last().isEqualTo(count.value());
            double sum = scrape.sum(family + "_sum", s -> s.labels().equals(count.labels()));
            assertThat(sum > 0).as(family + "_sum above 0 when anything was observed").isEqualTo(count.value() > 0);
        }
    }

    @Test
    void onlyTheContractsFamiliesWithTheirLabelsUnquotedAndWhole() {
        Set<String> expected = new TreeSet<>(COUNTERS.keySet());
        for (String histogram : HISTOGRAMS) {
            expected.addAll(List.of(histogram, histogram + "_sum", histogram + "_count"));
        }
        Set<String> genscope = scrape.series().stream().map(Series::name).filter(n -> n.startsWith("genscope"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(genscope).isEqualTo(expected);
        COUNTERS.forEach((name, labels) -> {
            assertThat(scrape.types()).as(name).containsEntry(name, "counter");
            assertThat(scrape.named(name)).as(name).allSatisfy(s -> assertThat(s.labels()).containsOnlyKeys(labels));
        });
        for (String histogram : HISTOGRAMS) {
            assertThat(scrape.named(histogram)).allSatisfy(s -> assertThat(s.labels()).containsOnlyKeys("generator", "model", "le"));
            assertThat(scrape.named(histogram + "_sum")).allSatisfy(s -> assertThat(s.labels()).containsOnlyKeys("generator", "model"));
        }
        List<Series> genscopeSeries = scrape.series().stream().filter(s -> s.name().startsWith("genscope")).toList();
        assertThat(genscopeSeries).allSatisfy(s -> {
            assertThat(s.labels().values()).noneMatch(value -> value.startsWith("\""));
            assertThat(s.label("generator")).isIn(GENERATOR, "(none)");
        });
        assertThat(scrape.named("genscope_generations_total")).extracting(s -> s.label("generator")).contains(GENERATOR);
        assertThat(scrape.named("genscope_generations_total")).extracting(s -> s.label("model"))
                .containsAll(truth.byModel().keySet());
    }

    @Test
    void promtoolFindsNothingWrongWithTheExportersOutput() throws Exception {
        Promtool.assertCleanMetrics(scraped);
    }

    @Test
    void prometheusWithTheRepositorysScrapeJobStoresTheContractsNames() throws Exception {
        String job = Files.readString(SCRAPE_JOB).replace("127.0.0.1:9404", "127.0.0.1:" + port);
        try (PrometheusServer prometheus = PrometheusServer.start(directory, job)) {
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> !prometheus.query("genscope_generations_total").isEmpty());
            List<String> names = new ArrayList<>(new TreeSet<>(prometheus.names("{__name__=~\"genscope_.+\"}")));

            assertThat(names).containsExactly(
                    "genscope_dependencies_total", "genscope_generation_duration_seconds_bucket",
                    "genscope_generation_duration_seconds_count", "genscope_generation_duration_seconds_sum",
                    "genscope_generation_failures_total", "genscope_generations_total", "genscope_retried_generations_total",
                    "genscope_retries_total", "genscope_validation_duration_seconds_bucket",
                    "genscope_validation_duration_seconds_count", "genscope_validation_duration_seconds_sum",
                    "genscope_validation_errors_total", "genscope_validations_total");
            assertThat(prometheus.query("sum(genscope_generations_total)").get(0).path("value").get(1).asDouble())
                    .isEqualTo(truth.generations());
            assertThat(prometheus.query("sum(genscope_generation_duration_seconds_bucket{le=\"+Inf\"})").get(0)
                    .path("value").get(1).asDouble()).isEqualTo(truth.generations());
            assertThat(prometheus.query("histogram_quantile(0.95, sum by (le) (genscope_generation_duration_seconds_bucket))"))
                    .hasSize(1);
        }
    }
}
