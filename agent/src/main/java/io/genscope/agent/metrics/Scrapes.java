package io.genscope.agent.metrics;

import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.metrics.MetricsSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;

/**
 * Answers scrapes: reads the metrics from their source (a read of the store's totals, which never
 * waits for a recording thread), writes them in the format the scraper asked for, and gzips them
 * when it accepts that.
 *
 * <p>Thread-safe. A source that fails is reported once, as one WARN line; that scrape and any
 * later failing one are answered with status 500.
 */
public final class Scrapes {

    private final MetricsSource source;
    private final RuntimeLog log;
    private final AtomicBoolean failureReported = new AtomicBoolean();

    Scrapes(MetricsSource source, RuntimeLog log) {
        this.source = source;
        this.log = log;
    }

    /**
     * @param accept         the scrape's {@code Accept} header, or {@code null}
     * @param acceptEncoding the scrape's {@code Accept-Encoding} header, or {@code null}
     */
    public ScrapeAnswer answer(String accept, String acceptEncoding) {
        ExpositionFormat format = ExpositionFormat.accepted(accept);
        byte[] text;
        try {
            text = format.write(source.collect()).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException failure) {
            if (!failureReported.getAndSet(true)) {
                log.warn("the metrics endpoint could not read the metrics (" + failure.getClass().getName()
                        + "); scrapes get status 500 while this lasts, and later failures are not logged again");
            }
            return new ScrapeAnswer(500, "text/plain; charset=utf-8", null,
                    "Genscope could not read its metrics\n".getBytes(StandardCharsets.UTF_8));
        }
        if (acceptsGzip(acceptEncoding)) {
            return new ScrapeAnswer(200, format.contentType(), "gzip", gzip(text));
        }
        return new ScrapeAnswer(200, format.contentType(), null, text);
    }

    /** Whether {@code gzip} (or {@code *}) is among the accepted encodings with a weight above 0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean refused = parts.length > 1 && parts[1].replace(" ", "").matches("(?i)q=0(\\.0*)?");
            if ((name.equals("gzip") || name.equals("*")) && !refused) {
                return true;
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] text) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(text.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(text);
        } catch (IOException impossible) {
            throw new IllegalStateException("writing to memory failed", impossible);
        }
        return compressed.toByteArray();
    }
}
