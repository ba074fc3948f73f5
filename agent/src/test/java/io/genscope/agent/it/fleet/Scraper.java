package io.genscope.agent.it.fleet;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Scrapes with the JDK's {@link HttpClient}, as a test's Prometheus. */
final class Scraper {

    private final HttpClient client;

    Scraper() {
        this(HttpClient.newBuilder());
    }

    /** A scraper that trusts what {@code tls} trusts. */
    Scraper(SSLContext tls) {
        this(HttpClient.newBuilder().sslContext(tls));
    }

    private Scraper(HttpClient.Builder builder) {
        client = builder.connectTimeout(Duration.ofSeconds(30)).build();
    }

    /**
     * Sends {@code method} to {@code url} with {@code headers} (name, value, name, value...).
     */
    HttpResponse<byte[]> send(String method, URI url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(URI url, String... headers) throws IOException, InterruptedException {
        return send("GET", url, headers);
    }

    /** The body of a 200 answer to {@code GET}, as text. */
    String text(URI url, String... headers) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = get(url, headers);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + " answered " + response.statusCode());
        }
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
