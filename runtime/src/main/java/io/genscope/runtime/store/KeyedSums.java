package io.genscope.runtime.store;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-key sums a query gathers from the keyed counts of every slice in its window. Each key's
 * sum is a mutable cell, so merging sixty slices that share the same keys allocates once per
 * key, not once per key and slice; the sums are boxed once, when read.
 *
 * <p>Not thread-safe: built and read by one query.
 */
final class KeyedSums {

    private final Map<String, long[]> sums = new HashMap<>();

    void add(String key, long count) {
        sums.computeIfAbsent(key, k -> new long[1])[0] += count;
    }

    /** Adds every sum of {@code other} (which is left as it is). */
    void add(KeyedSums other) {
        other.sums.forEach((key, sum) -> add(key, sum[0]));
    }

    int size() {
        return sums.size();
    }

    /** The sums, unordered. */
    Map<String, Long> toMap() {
        Map<String, Long> map = new HashMap<>(Math.max(16, sums.size() * 2));
        sums.forEach((key, sum) -> map.put(key, sum[0]));
        return map;
    }
}
