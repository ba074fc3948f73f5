package io.genscope.agent.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpositionFormatTest {

    /** What Prometheus 2.42 sends with every scrape. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    @Test
    void prometheusGetsOpenMetricsItAsksForFirst() {
        assertThat(ExpositionFormat.accepted(PROMETHEUS_ACCEPT)).isEqualTo(ExpositionFormat.OPENMETRICS);
        assertThat(ExpositionFormat.accepted("Application/OpenMetrics-Text")).isEqualTo(ExpositionFormat.OPENMETRICS);
        assertThat(ExpositionFormat.accepted("text/plain, application/openmetrics-text")).as("a tie")
                .isEqualTo(ExpositionFormat.OPENMETRICS);
    }

    @Test
    void plainTextUnlessOpenMetricsWeighsAtLeastAsMuch() {
        assertThat(ExpositionFormat.accepted(null)).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(ExpositionFormat.accepted("*/*")).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(ExpositionFormat.accepted("text/plain;version=0.0.4")).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(ExpositionFormat.accepted("text/plain, application/openmetrics-text;q=0.9"))
                .isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(ExpositionFormat.accepted("application/openmetrics-text;q=0")).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
        assertThat(ExpositionFormat.accepted("application/openmetrics-text;q=x")).isEqualTo(ExpositionFormat.PROMETHEUS_TEXT);
    }

    @Test
    void gzipWhenAcceptedWithAWeightAboveZero() {
        assertThat(Scrapes.acceptsGzip("gzip")).isTrue();
        assertThat(Scrapes.acceptsGzip("deflate, GZIP;q=0.5")).isTrue();
        assertThat(Scrapes.acceptsGzip("*")).isTrue();
        assertThat(Scrapes.acceptsGzip(null)).isFalse();
        assertThat(Scrapes.acceptsGzip("identity")).isFalse();
        assertThat(Scrapes.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(Scrapes.acceptsGzip("gzip; q=0.0")).isFalse();
    }
}
