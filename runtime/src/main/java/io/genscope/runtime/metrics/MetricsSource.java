package io.genscope.runtime.metrics;

import java.util.List;

/**
 * Where the fleet metrics come from: each call gives every family as it stands now. Counters read
 * from one source never go down between two calls while the JVM runs.
 *
 * <p>Thread-safe: scrapes may overlap. A call costs a read of the store's totals, never a wait
 * for a recording thread.
 */
@FunctionalInterface
public interface MetricsSource {

    List<MetricFamily> collect();
}
