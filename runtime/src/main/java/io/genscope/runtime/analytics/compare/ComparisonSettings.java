package io.genscope.runtime.analytics.compare;

import java.util.Objects;

/**
 * The {@code ab-test} section of the config: how the Variants view compares prompt variants.
 * Checked by the agent (bounds in {@code defaults.yaml}).
 *
 * @param baseline       {@code ab-test.baseline}: the variant every other one is compared with;
 *                       {@code ""} for the first variant by name
 * @param minGenerations {@code ab-test.min-generations}: the fewest generations (validated
 *                       generations, for the first-pass rate) each of the two variants needs in
 *                       the window before their difference is judged at all
 * @param minDifference  {@code ab-test.min-difference}: the smallest difference between two
 *                       rates worth detecting, a fraction; the sample size is worked out for the
 *                       observed difference, or for this one when the observed one is smaller
 */
public record ComparisonSettings(String baseline, long minGenerations, double minDifference) {

    public ComparisonSettings {
        Objects.requireNonNull(baseline, "baseline");
        if (minGenerations < 1) {
            throw new IllegalArgumentException("min-generations " + minGenerations + " is less than 1");
        }
        if (!(minDifference > 0 && minDifference <= 0.5)) {
            throw new IllegalArgumentException("min-difference " + minDifference + " is not in (0, 0.5]");
        }
    }

    /** The values of {@code defaults.yaml}. */
    public static ComparisonSettings defaults() {
        return new ComparisonSettings("", 30, 0.02);
    }
}
