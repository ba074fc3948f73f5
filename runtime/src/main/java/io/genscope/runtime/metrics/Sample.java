package io.genscope.runtime.metrics;

import java.util.List;

/**
 * One value of a metric family, under its full sample name: {@code genscope_generations_total}
 * for a counter, {@code genscope_generation_duration_seconds_bucket} (with an {@code le} label),
 * {@code _sum} or {@code _count} for a histogram.
 *
 * @param labels in the order they are written out; a bucket's {@code le} comes last
 */
public record Sample(String name, List<Label> labels, double value) {

    public Sample {
        labels = List.copyOf(labels);
    }
}
