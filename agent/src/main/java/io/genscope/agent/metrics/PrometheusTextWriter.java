package io.genscope.agent.metrics;

import io.genscope.runtime.metrics.MetricFamily;
import io.genscope.runtime.metrics.MetricType;

/**
 * Prometheus' text format, version 0.0.4: what every Prometheus scrapes by default. A counter's
 * HELP and TYPE lines name it as its samples do, with {@code _total}; there is no UNIT line and no
 * end marker.
 */
final class PrometheusTextWriter extends ExpositionWriter {

    @Override
    void describe(MetricFamily family, StringBuilder text) {
        String name = family.type() == MetricType.COUNTER ? family.name() + "_total" : family.name();
        text.append("# HELP ").append(name).append(' ');
        escape(family.help(), false, text);
        text.append("\n# TYPE ").append(name).append(' ').append(typeName(family)).append('\n');
    }

    @Override
    void end(StringBuilder text) {
        // the format has no end marker
    }
}
