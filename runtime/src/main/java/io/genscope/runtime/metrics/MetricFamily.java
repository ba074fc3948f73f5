package io.genscope.runtime.metrics;

import java.util.List;

/**
 * A metric and all its samples as one scrape sees them: what the metrics endpoint writes out in
 * Prometheus' text format and what the JMX exporter's MBean shows as plain numbers.
 *
 * @param name    the family's name without the {@code _total} of a counter's samples, in base
 *                units ({@code genscope_generations}, {@code genscope_generation_duration_seconds})
 * @param unit    the unit the name ends with ({@code seconds}), or {@code ""} for a plain count
 * @param help    one line for people: what is counted, in which unit
 * @param samples in a stable order, series by series
 */
public record MetricFamily(String name, MetricType type, String unit, String help, List<Sample> samples) {

    public MetricFamily {
        samples = List.copyOf(samples);
    }
}
