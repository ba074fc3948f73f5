package io.genscope.agent.it.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genscope.agent.it.FreePort;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus server of the test's own: its own generated {@code prometheus.yml}, storage
 * folder and loopback port, scraping the given targets' {@code /metrics} every second. Queried
 * through its HTTP API ({@code /api/v1/query}). Close it to stop the process.
 */
final class PrometheusServer implements AutoCloseable {

    static final String JOB = "genscope";
    static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);

    private final Process process;
    private final Path log;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private PrometheusServer(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /** Starts Prometheus scraping {@code targets} ({@code host:port}) as one job and waits until it is ready. */
    static PrometheusServer start(Path directory, List<String> targets) throws IOException {
        return start(directory, """
                  - job_name: %s
                    static_configs:
                      - targets: [%s]
                """.formatted(JOB, targets.stream().map(target -> "'" + target + "'").collect(Collectors.joining(", "))));
    }

    /**
     * Starts Prometheus with {@code scrapeConfigs} (the YAML of {@code scrape_configs}' items) and
     * waits until it is ready.
     */
    static PrometheusServer start(Path directory, String scrapeConfigs) throws IOException {
        Path config = Files.writeString(directory.resolve("prometheus.yml"), """
                global:
                  scrape_interval: %1$ds
                  scrape_timeout: %1$ds
                scrape_configs:
                """.formatted(SCRAPE_INTERVAL.toSeconds()) + scrapeConfigs);
        int port = FreePort.find();
        Path log = directory.resolve("prometheus.log");
        Process process = new ProcessBuilder(PrometheusTools.prometheus().toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, log, URI.create("http://127.0.0.1:" + port));
        try {
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                    .failFast("Prometheus exited", () -> !process.isAlive())
                    .until(server::ready);
        } catch (RuntimeException | Error notReady) {
            server.close();
            throw new AssertionError("Prometheus did not become ready; its log:\n" + server.log(), notReady);
        }
        return server;
    }

    /** The result of an instant query at {@code time}: Prometheus' {@code data.result} array. */
    JsonNode query(String promql, Instant time) throws IOException, InterruptedException {
        String parameters = "query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&time=" + time.getEpochSecond() + "." + String.format("%03d", time.getNano() / 1_000_000);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/query?" + parameters)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(answer.path("status").asText())) {
            throw new AssertionError("Prometheus refused " + promql + ": " + response.body());
        }
        return answer.path("data").path("result");
    }

    /** The result of an instant query now. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        return query(promql, Instant.now());
    }

    /** The names of the series {@code promql} selects now. */
    List<String> names(String promql) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        query(promql).forEach(series -> names.add(series.path("metric").path("__name__").asText()));
        return names;
    }

    /**
     * The values of an instant vector by one of its labels' values ({@code ""} for a vector
     * aggregated to one element without labels), in Prometheus' order.
     */
    Map<String, Double> vector(String promql, String label, Instant time) throws IOException, InterruptedException {
        Map<String, Double> values = new LinkedHashMap<>();
        for (JsonNode sample : query(promql, time)) {
            values.put(sample.path("metric").path(label).asText(""), Double.valueOf(sample.path("value").get(1).asText()));
        }
        return values;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException unreadable) {
            return "(log unreadable: " + unreadable + ")";
        }
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve("/-/ready")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
