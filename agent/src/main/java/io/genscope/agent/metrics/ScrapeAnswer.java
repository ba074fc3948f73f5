package io.genscope.agent.metrics;

/**
 * What the endpoint sends back to one admitted {@code GET /metrics}.
 *
 * @param status          200, or 500 when the metrics could not be read
 * @param contentType     the {@code Content-Type}
 * @param contentEncoding {@code gzip}, or {@code null} for the body as it is
 * @param body            the bytes to send
 */
public record ScrapeAnswer(int status, String contentType, String contentEncoding, byte[] body) {
}
