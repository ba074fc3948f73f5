package io.genscope.runtime.analytics.compare;

/**
 * How many trials each of two equal groups needs for a two-sided test at the 5 % level to detect
 * the difference between proportions p1 and p2 with 80 % power: the usual normal-approximation
 * formula for comparing two proportions (Fleiss, Levin and Paik, "Statistical Methods for Rates and
 * Proportions", 3rd ed., 2003, chapter 4), without the continuity correction:
 *
 * <pre>
 *   p̄ = (p1 + p2) / 2
 *   n = ( z₀.₉₇₅ · √(2 p̄ (1 − p̄)) + z₀.₈₀ · √(p1(1 − p1) + p2(1 − p2)) )² / (p1 − p2)²
 * </pre>
 *
 * rounded up. Stateless.
 */
public final class SampleSize {

    /** The 0.80 quantile of the standard normal distribution: 80 % power. */
    static final double Z_POWER = 0.8416212335729143;

    private SampleSize() {
    }

    /**
     * Trials per group to tell p1 from p2.
     *
     * @throws IllegalArgumentException when p1 equals p2 (no sample is large enough) or either
     *                                  lies outside [0, 1]
     */
    public static long perGroup(double p1, double p2) {
        if (!(p1 >= 0 && p1 <= 1 && p2 >= 0 && p2 <= 1) || p1 == p2) {
            throw new IllegalArgumentException("no sample size tells " + p1 + " from " + p2);
        }
        double mean = (p1 + p2) / 2;
        double root = WilsonInterval.Z * Math.sqrt(2 * mean * (1 - mean))
                + Z_POWER * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        double difference = p1 - p2;
        return (long) Math.ceil(root * root / (difference * difference));
    }

    /**
     * Trials per group to detect a change of {@code effect} from {@code baseline}, upwards or,
     * where that would pass 1, downwards.
     *
     * @param effect more than 0, at most 0.5, so one direction always stays within [0, 1]
     */
    public static long toDetect(double baseline, double effect, boolean upwards) {
        double other = upwards && baseline + effect <= 1 || baseline - effect < 0 ? baseline + effect : baseline - effect;
        return perGroup(other, baseline);
    }
}
