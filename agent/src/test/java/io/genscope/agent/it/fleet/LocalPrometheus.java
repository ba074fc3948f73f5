package io.genscope.agent.it.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Debian {@code prometheus} server ({@code /usr/bin/prometheus}) on a loopback port, scraping
 * every second with the scrape configs it is given, asked through its HTTP API. Close it to stop
 * the process; its log is in {@code prometheus.log} in the directory given.
 */
final class LocalPrometheus implements AutoCloseable {

    private final Process process;
    private final URI api;
    private final HttpClient http = HttpClient.newHttpClient();

    private LocalPrometheus(Process process, int port) {
        this.process = process;
        this.api = URI.create("http://127.0.0.1:" + port + "/api/v1/");
    }

    /** Starts Prometheus in {@code directory} with {@code scrapeConfigs}: the YAML of the list's items. */
    static LocalPrometheus start(Path directory, String scrapeConfigs) throws IOException {
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\nscrape_configs:\n" + scrapeConfigs);
        int port = FreePort.find();
        Process process = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile()).start();
        return new LocalPrometheus(process, port);
    }

    /** The instant vector {@code promql} evaluates to now, as the API's {@code result} array. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                api.resolve("query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = new ObjectMapper().readTree(response.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new AssertionError(promql + ": " + response.body());
        }
        return body.path("data").path("result");
    }

    /** The names of the series {@code promql} selects now. */
    List<String> names(String promql) throws IOException, InterruptedException {
        List<String> names = new java.util.ArrayList<>();
        query(promql).forEach(series -> names.add(series.path("metric").path("__name__").asText()));
        return names;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
