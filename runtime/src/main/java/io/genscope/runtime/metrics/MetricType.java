package io.genscope.runtime.metrics;

/**
 * The kinds of metric Genscope exposes beyond one JVM. Cumulative counters and histograms only
 * grow while the JVM runs (a restart starts them from zero, which Prometheus' {@code rate()} and
 * {@code increase()} take as a counter reset); a gauge is a value as it stands.
 */
public enum MetricType {
    COUNTER,
    GAUGE,
    HISTOGRAM
}
