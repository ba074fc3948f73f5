package io.genscope.runtime.alerts;

import io.genscope.runtime.store.DurationDistribution;
import io.genscope.runtime.store.TallyTotals;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * What an alert watches: a figure of the store's windowed totals, and the count it is computed
 * from, which {@code min-samples} guards. Every figure is one where higher is worse, so an alert
 * always fires above its threshold and recovers below its recovery threshold.
 */
public enum AlertCondition {

    /** Failed validations / validations (a fraction); samples: validations. */
    VALIDATION_FAILURE_RATE("validation-failure-rate", "validation failure rate", "validations", Unit.FRACTION) {
        @Override
        Reading read(TallyTotals totals) {
            return Reading.ratio(totals.validationFailures(), totals.validations());
        }
    },
    /** Failed generations / completed generations (a fraction); samples: completed generations. */
    GENERATION_FAILURE_RATE("generation-failure-rate", "generation failure rate", "completed generations",
            Unit.FRACTION) {
        @Override
        Reading read(TallyTotals totals) {
            return Reading.ratio(totals.failures(), totals.completed());
        }
    },
    /** The 95th percentile of completed generations' durations (milliseconds); samples: their number. */
    GENERATION_TIME_P95("generation-time-p95", "p95 generation time", "completed generations",
            Unit.MILLISECONDS) {
        @Override
        Reading read(TallyTotals totals) {
            DurationDistribution time = totals.generationTime();
            return time.count() == 0 ? Reading.NONE
                    : new Reading(time.quantileNanos(0.95) / NANOS_PER_MILLI, time.count());
        }
    };

    /** The unit of a condition's value and thresholds. */
    public enum Unit {
        /** A ratio of two counts in [0, 1]. */
        FRACTION("fraction", ""),
        MILLISECONDS("ms", " ms");

        private static final MathContext SIGNIFICANT = new MathContext(3);

        private final String configName;
        private final String suffix;

        Unit(String configName, String suffix) {
            this.configName = configName;
            this.suffix = suffix;
        }

        /** How the Alerts MBean names the unit. */
        public String configName() {
            return configName;
        }

        /** {@code value} as a message shows it: three significant digits, the unit after. */
        String format(double value) {
            if (Double.isNaN(value)) {
                return "none";
            }
            return new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros()
                    .toPlainString() + suffix;
        }
    }

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final String configName;
    private final String description;
    private final String samples;
    private final Unit unit;

    AlertCondition(String configName, String description, String samples, Unit unit) {
        this.configName = configName;
        this.description = description;
        this.samples = samples;
        this.unit = unit;
    }

    /** The condition's key under {@code alerts:} in the config, and the first part of its alerts' names. */
    public String configName() {
        return configName;
    }

    /** The figure in words, for log lines and notifications. */
    String description() {
        return description;
    }

    /** What a sample is, in words (plural). */
    String samples() {
        return samples;
    }

    public Unit unit() {
        return unit;
    }

    /** The figure and its sample count over the totals of one window. */
    abstract Reading read(TallyTotals totals);

    /**
     * One reading of a condition.
     *
     * @param value   the figure, {@link Double#NaN} when there are no samples (never 0, which would
     *                read as "no failures" or "instant")
     * @param samples how many events the figure is computed from
     */
    record Reading(double value, long samples) {

        static final Reading NONE = new Reading(Double.NaN, 0);

        static Reading ratio(long part, long whole) {
            return whole == 0 ? NONE : new Reading((double) part / whole, whole);
        }
    }
}
