package io.genscope.agent.metrics;

import io.genscope.runtime.metrics.MetricFamily;

/**
 * OpenMetrics 1.0.0 text, served when the scraper asks for it. A family is named without the
 * {@code _total} of its counter samples, has a UNIT line when its name ends with a unit, and the
 * text ends with {@code # EOF}, so a scraper can tell a whole answer from a cut one.
 */
final class OpenMetricsTextWriter extends ExpositionWriter {

    @Override
    void describe(MetricFamily family, StringBuilder text) {
        text.append("# TYPE ").append(family.name()).append(' ').append(typeName(family)).append('\n');
        if (!family.unit().isEmpty()) {
            text.append("# UNIT ").append(family.name()).append(' ').append(family.unit()).append('\n');
        }
        text.append("# HELP ").append(family.name()).append(' ');
        escape(family.help(), true, text);
        text.append('\n');
    }

    @Override
    void end(StringBuilder text) {
        text.append("# EOF\n");
    }
}
