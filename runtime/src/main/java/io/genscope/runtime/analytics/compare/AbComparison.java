package io.genscope.runtime.analytics.compare;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every variant against the baseline over one window: what the Variants MBean shows, the A/B
 * table of the summary prints and {@code summary --json} writes.
 *
 * @param windowSeconds the window the figures cover, in seconds
 * @param baseline      the variant the others are compared with; {@code ""} when there is none
 * @param note          why there is no comparison, {@code ""} when there is one: no variant in the
 *                      window, a single one, or a configured baseline with no generation
 * @param comparisons   variant to its comparison with the baseline, by variant name; the
 *                      baseline itself and {@code "(other)"} (variants past the cap, mixed) are
 *                      not compared
 */
public record AbComparison(long windowSeconds, String baseline, String note, Map<String, VariantComparison> comparisons) {

    public AbComparison {
        comparisons = Collections.unmodifiableMap(new LinkedHashMap<>(comparisons));
    }
}
