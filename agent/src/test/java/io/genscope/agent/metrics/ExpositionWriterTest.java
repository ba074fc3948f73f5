package io.genscope.agent.metrics;

import io.genscope.runtime.metrics.Label;
import io.genscope.runtime.metrics.MetricFamily;
import io.genscope.runtime.metrics.MetricType;
import io.genscope.runtime.metrics.Sample;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Both text formats, line for line, for a counter, a histogram and a gauge, with every escape. */
class ExpositionWriterTest {

    private static final List<MetricFamily> FAMILIES = List.of(
            new MetricFamily("genscope_generations", MetricType.COUNTER, "", "Completed generations, by outcome.", List.of(
                    sample("genscope_generations_total", 12, "generator", "generate", "model", "gpt-4o", "outcome", "success"),
                    sample("genscope_generations_total", 3, "generator", "generate", "model", "a\\b \"c\"\nd",
                            "outcome", "failure"))),
            new MetricFamily("genscope_generation_duration_seconds", MetricType.HISTOGRAM, "seconds",
                    "Generation time in seconds: \"wall\" time\\clock,\nfrom entry to exit.", List.of(
                    sample("genscope_generation_duration_seconds_bucket", 2, "generator", "g", "le", "0.005"),
                    sample("genscope_generation_duration_seconds_bucket", 5, "generator", "g", "le", "1"),
                    sample("genscope_generation_duration_seconds_bucket", 5, "generator", "g", "le", "+Inf"),
                    sample("genscope_generation_duration_seconds_sum", 1.25, "generator", "g"),
                    sample("genscope_generation_duration_seconds_count", 5, "generator", "g"))),
            new MetricFamily("genscope_odd_values", MetricType.GAUGE, "", "Values as Prometheus reads them.", List.of(
                    new Sample("genscope_odd_values", List.of(), Double.NaN),
                    new Sample("genscope_odd_values", List.of(new Label("v", "inf")), Double.POSITIVE_INFINITY),
                    new Sample("genscope_odd_values", List.of(new Label("v", "-inf")), Double.NEGATIVE_INFINITY),
                    new Sample("genscope_odd_values", List.of(new Label("v", "tiny")), 1.0E-4),
                    new Sample("genscope_odd_values", List.of(new Label("v", "big")), 9_007_199_254_740_992.0),
                    new Sample("genscope_odd_values", List.of(new Label("v", "bigger")), 1.0E300))));

    @Test
    void prometheusTextNamesCountersWithTotalAndEscapesHelpBackslashAndNewlineOnly() {
        assertThat(ExpositionFormat.PROMETHEUS_TEXT.write(FAMILIES)).isEqualTo("""
                # HELP genscope_generations_total Completed generations, by outcome.
                # TYPE genscope_generations_total counter
                genscope_generations_total{generator="generate",model="gpt-4o",outcome="success"} 12
                genscope_generations_total{generator="generate",model="a\\\\b \\"c\\"\\nd",outcome="failure"} 3
                # HELP genscope_generation_duration_seconds Generation time in seconds: "wall" time\\\\clock,\\nfrom entry to exit.
                # TYPE genscope_generation_duration_seconds histogram
                genscope_generation_duration_seconds_bucket{generator="g",le="0.005"} 2
                genscope_generation_duration_seconds_bucket{generator="g",le="1"} 5
                genscope_generation_duration_seconds_bucket{generator="g",le="+Inf"} 5
                genscope_generation_duration_seconds_sum{generator="g"} 1.25
                genscope_generation_duration_seconds_count{generator="g"} 5
                # HELP genscope_odd_values Values as Prometheus reads them.
                # TYPE genscope_odd_values gauge
                genscope_odd_values NaN
                genscope_odd_values{v="inf"} +Inf
                genscope_odd_values{v="-inf"} -Inf
                genscope_odd_values{v="tiny"} 1.0E-4
                genscope_odd_values{v="big"} 9007199254740992
                genscope_odd_values{v="bigger"} 1.0E300
                """);
    }

    @Test
    void openMetricsNamesFamiliesWithoutTotalGivesUnitsEscapesQuotesInHelpAndEndsWithEof() {
        assertThat(ExpositionFormat.OPENMETRICS.write(FAMILIES)).isEqualTo("""
                # TYPE genscope_generations counter
                # HELP genscope_generations Completed generations, by outcome.
                genscope_generations_total{generator="generate",model="gpt-4o",outcome="success"} 12
                genscope_generations_total{generator="generate",model="a\\\\b \\"c\\"\\nd",outcome="failure"} 3
                # TYPE genscope_generation_duration_seconds histogram
                # UNIT genscope_generation_duration_seconds seconds
                # HELP genscope_generation_duration_seconds Generation time in seconds: \\"wall\\" time\\\\clock,\\nfrom entry to exit.
                genscope_generation_duration_seconds_bucket{generator="g",le="0.005"} 2
                genscope_generation_duration_seconds_bucket{generator="g",le="1"} 5
                genscope_generation_duration_seconds_bucket{generator="g",le="+Inf"} 5
                genscope_generation_duration_seconds_sum{generator="g"} 1.25
                genscope_generation_duration_seconds_count{generator="g"} 5
                # TYPE genscope_odd_values gauge
                # HELP genscope_odd_values Values as Prometheus reads them.
                genscope_odd_values NaN
                genscope_odd_values{v="inf"} +Inf
                genscope_odd_values{v="-inf"} -Inf
                genscope_odd_values{v="tiny"} 1.0E-4
                genscope_odd_values{v="big"} 9007199254740992
                genscope_odd_values{v="bigger"} 1.0E300
                # EOF
                """);
    }

    @Test
    void nothingToReportIsAnEmptyTextOrABareEof() {
        assertThat(ExpositionFormat.PROMETHEUS_TEXT.write(List.of())).isEmpty();
        assertThat(ExpositionFormat.OPENMETRICS.write(List.of())).isEqualTo("# EOF\n");
    }

    @Test
    void wholeNumbersHaveNoFractionAndNegativeZeroIsZero() {
        assertThat(ExpositionWriter.number(0)).isEqualTo("0");
        assertThat(ExpositionWriter.number(-0.0)).isEqualTo("0");
        assertThat(ExpositionWriter.number(-7)).isEqualTo("-7");
        assertThat(ExpositionWriter.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    /** A sample whose labels come as name, value, name, value... */
    private static Sample sample(String name, double value, String... labels) {
        List<Label> list = new java.util.ArrayList<>();
        for (int i = 0; i < labels.length; i += 2) {
            list.add(new Label(labels[i], labels[i + 1]));
        }
        return new Sample(name, list, value);
    }
}
