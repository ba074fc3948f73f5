package io.genscope.agent.it.fleet;

import io.genscope.agent.it.GroundTruth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The endpoint as Prometheus meets it: the sample generator started with {@code -javaagent} and
 * {@code metrics.port: 0}, scraped over real HTTP with the JDK's {@code HttpClient}. The text
 * format by default and OpenMetrics when the Accept header asks for it, both with the counts the
 * generator kept itself; {@code promtool check metrics} on the real output; gzip, HEAD, 404, 405;
 * and the one thread that serves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsEndpointIT {

    /** What Prometheus 2.42 sends with every scrape. */
    static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    static final String TEXT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final Scraper scraper = new Scraper();
    private EndpointSample sample;
    private URI url;

    @BeforeAll
    void start(@TempDir Path directory) throws Exception {
        sample = EndpointSample.start(directory, "metrics:\n  port: 0\n");
        url = sample.url();
    }

    @AfterAll
    void stop() throws Exception {
        if (sample != null) {
            sample.close();
        }
    }

    @Test
    void theTextFormatByDefaultPassesPromtoolAndCountsWhatTheGeneratorCounted() throws Exception {
        HttpResponse<byte[]> response = scraper.get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(TEXT_TYPE);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("# TYPE genscope_generations_total counter\n",
                "# TYPE genscope_generation_duration_seconds histogram\n").doesNotContain("# EOF", "# UNIT");
        Promtool.assertCleanMetrics(text);
        assertCountsMatch(PrometheusText.parse(text), sample.truth);
    }

    @Test
    void openMetricsWhenTheAcceptHeaderAsksForItWithTheSameCounts() throws Exception {
        HttpResponse<byte[]> response = scraper.get(url, "Accept", PROMETHEUS_ACCEPT);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(OPENMETRICS_TYPE);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("# TYPE genscope_generations counter\n",
                "# UNIT genscope_generation_duration_seconds seconds\n").endsWith("\n# EOF\n");
        assertCountsMatch(PrometheusText.parse(text.substring(0, text.length() - "# EOF\n".length())), sample.truth);
    }

    @Test
    void gzipWhenAskedHoldsTheSameText() throws Exception {
        HttpResponse<byte[]> zipped = scraper.get(url, "Accept-Encoding", "gzip");
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(unzipped).isEqualTo(scraper.text(url)).isNotEmpty();
        assertThat(scraper.get(url).headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        HttpResponse<byte[]> response = scraper.send("HEAD", url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(TEXT_TYPE);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void anyOtherPathIsNotFoundAndAnyOtherMethodNotAllowed() throws Exception {
        assertThat(scraper.get(url.resolve("/")).statusCode()).isEqualTo(404);
        assertThat(scraper.get(url.resolve("/metrics/x")).statusCode()).isEqualTo(404);
        assertThat(scraper.get(url.resolve("/metricsx")).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> post = scraper.send("POST", url);
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(scraper.send("DELETE", url).statusCode()).isEqualTo(405);
    }

    @Test
    void oneDaemonThreadNamedGenscopeMetricsServesAndTheStarterHasEnded() throws Exception {
        await().until(() -> JvmProbe.threads(sample.jvm.pid()).stream()
                .noneMatch(thread -> thread.name().equals("genscope-metrics-start")));
        assertThat(JvmProbe.threads(sample.jvm.pid()))
                .filteredOn(thread -> thread.name().startsWith("genscope-metrics") || thread.name().startsWith("HTTP-")
                        || thread.name().equals("idle-timeout-task"))
                .containsExactlyInAnyOrder(new JvmProbe.ThreadName("genscope-metrics", true),
                        new JvmProbe.ThreadName("genscope-metrics-idle-timeout-task", true));
        assertThat(JvmProbe.listeningSockets(sample.jvm.pid())).as("listening sockets").isEqualTo(1);
    }

    /** Every count of the contract's families against the generator's own. */
    static void assertCountsMatch(PrometheusText scrape, GroundTruth truth) {
        assertThat(scrape.sumBy("genscope_generations_total", "outcome"))
                .isEqualTo(nonZero(Map.of("success", truth.successes(), "failure", truth.failures())));
        assertThat(scrape.sum("genscope_retries_total", all -> true)).as("retries").isEqualTo(truth.retries());
        assertThat(scrape.sumBy("genscope_validations_total", "outcome")).isEqualTo(nonZero(Map.of(
                "passed", truth.validations() - truth.validationFailures(), "failed", truth.validationFailures())));
        assertThat(scrape.sumBy("genscope_validation_errors_total", "type")).isEqualTo(truth.errorsByType());
        assertThat(scrape.sumBy("genscope_generation_failures_total", "type")).isEqualTo(truth.failuresByType());
        assertThat(scrape.sumBy("genscope_dependencies_total", "dependency")).isEqualTo(truth.dependencies());
        assertThat(scrape.sum("genscope_generation_duration_seconds_count", all -> true)).isEqualTo(truth.generations());
        assertThat(scrape.sum("genscope_generation_duration_seconds_bucket", s -> "+Inf".equals(s.label("le"))))
                .isEqualTo(truth.generations());
        assertThat(scrape.sum("genscope_validation_duration_seconds_count", all -> true)).isEqualTo(truth.validations());
        truth.byModel().forEach((model, counts) -> {
            assertThat(scrape.sum("genscope_generations_total", "model", model)).as(model + " generations")
                    .isEqualTo((double) counts.get("generations"));
            assertThat(scrape.sum("genscope_retries_total", "model", model)).as(model + " retries")
                    .isEqualTo((double) counts.get("retries"));
        });
    }

    private static Map<String, Long> nonZero(Map<String, Long> counts) {
        Map<String, Long> kept = new java.util.HashMap<>(counts);
        kept.values().removeIf(count -> count == 0);
        return kept;
    }
}
