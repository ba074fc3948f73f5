package io.genscope.agent.metrics.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.genscope.agent.metrics.ScrapeAnswer;
import io.genscope.agent.metrics.ScrapeGuard;
import io.genscope.agent.metrics.Scrapes;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Answers one request: 401 without the right credentials (before anything else, so a stranger
 * learns nothing of the paths), 404 for any path but {@code /metrics}, 405 for any method but
 * {@code GET} and {@code HEAD}, else the metrics.
 */
final class ScrapeHandler implements HttpHandler {

    static final String PATH = "/metrics";
    /** The response length that tells the JDK's server there is no body. */
    private static final int NO_BODY = -1;

    private final ScrapeGuard guard;
    private final Scrapes scrapes;

    ScrapeHandler(ScrapeGuard guard, Scrapes scrapes) {
        this.guard = guard;
        this.scrapes = scrapes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!guard.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", guard.challenge());
                exchange.sendResponseHeaders(401, NO_BODY);
                return;
            }
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, NO_BODY);
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, NO_BODY);
                return;
            }
            ScrapeAnswer answer = scrapes.answer(exchange.getRequestHeaders().getFirst("Accept"),
                    exchange.getRequestHeaders().getFirst("Accept-Encoding"));
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.getResponseHeaders().set("Vary", "Accept, Accept-Encoding");
            if (answer.contentEncoding() != null) {
                exchange.getResponseHeaders().set("Content-Encoding", answer.contentEncoding());
            }
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(answer.status(), NO_BODY);
                return;
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(answer.body());
            }
        }
    }
}
