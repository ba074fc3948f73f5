package io.genscope.agent.metrics;

import io.genscope.runtime.metrics.MetricFamily;

import java.util.List;
import java.util.Locale;

/**
 * The text formats the endpoint serves, and which one a scrape gets: OpenMetrics when its
 * {@code Accept} header asks for {@code application/openmetrics-text} at least as much as for
 * plain text (Prometheus 2.x asks for it first), Prometheus' text format 0.0.4 otherwise.
 */
enum ExpositionFormat {

    PROMETHEUS_TEXT("text/plain; version=0.0.4; charset=utf-8", new PrometheusTextWriter()),
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8", new OpenMetricsTextWriter());

    private static final String OPENMETRICS_TYPE = "application/openmetrics-text";

    private final String contentType;
    private final ExpositionWriter writer;

    ExpositionFormat(String contentType, ExpositionWriter writer) {
        this.contentType = contentType;
        this.writer = writer;
    }

    /** The {@code Content-Type} of an answer in this format. */
    String contentType() {
        return contentType;
    }

    String write(List<MetricFamily> families) {
        return writer.write(families);
    }

    /**
     * The format for a scrape's {@code Accept} header ({@code null} when it sent none): each media
     * range is weighed by its {@code q} (1 when not given); OpenMetrics wins when its weight is
     * above 0 and no other range that plain text would satisfy weighs more.
     */
    static ExpositionFormat accepted(String accept) {
        if (accept == null) {
            return PROMETHEUS_TEXT;
        }
        double openMetrics = 0;
        double text = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double weight = weight(parts);
            if (type.equals(OPENMETRICS_TYPE)) {
                openMetrics = Math.max(openMetrics, weight);
            } else if (type.equals("text/plain") || type.equals("text/*") || type.equals("*/*")) {
                text = Math.max(text, weight);
            }
        }
        return openMetrics > 0 && openMetrics >= text ? OPENMETRICS : PROMETHEUS_TEXT;
    }

    /** A media range's {@code q} parameter; 1 when absent, 0 when unreadable. */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("q")) {
                try {
                    double q = Double.parseDouble(parameter[1].strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
