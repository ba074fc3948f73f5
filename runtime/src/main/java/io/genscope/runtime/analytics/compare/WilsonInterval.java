package io.genscope.runtime.analytics.compare;

/**
 * The Wilson score interval for a proportion, at 95 % confidence: the values of the true rate
 * that a two-sided score test at the 5 % level would not reject given {@code successes} of
 * {@code trials}. Unlike the textbook Wald interval (p ± 1.96·√(p(1−p)/n)) it stays within
 * [0, 1], is not empty at 0 or all successes, and keeps close to its nominal coverage for small
 * samples (Brown, Cai and DasGupta, "Interval Estimation for a Binomial Proportion",
 * Statistical Science 16(2), 2001; Newcombe, Statistics in Medicine 17, 1998, method 3).
 *
 * <pre>
 *   centre    = (x + z²/2) / (n + z²)
 *   halfWidth = z · √(x(n − x)/n + z²/4) / (n + z²)
 * </pre>
 *
 * With no trial the interval is [0, 1] (nothing is known) and the estimate 0, so no figure is
 * ever NaN.
 *
 * @param estimate the observed proportion successes / trials (0 with no trial)
 * @param lower    the lower 95 % limit, in [0, estimate]
 * @param upper    the upper 95 % limit, in [estimate, 1]
 */
public record WilsonInterval(double estimate, double lower, double upper) {

    /** The 0.975 quantile of the standard normal distribution: two-sided 95 % confidence. */
    static final double Z = 1.959963984540054;

    /**
     * @throws IllegalArgumentException when the counts are negative or successes exceed trials
     */
    public static WilsonInterval of(long successes, long trials) {
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException(successes + " successes of " + trials + " trials");
        }
        if (trials == 0) {
            return new WilsonInterval(0, 0, 1);
        }
        double n = trials;
        double x = successes;
        double z2 = Z * Z;
        double centre = (x + z2 / 2) / (n + z2);
        double halfWidth = Z * Math.sqrt(x * (n - x) / n + z2 / 4) / (n + z2);
        double estimate = x / n;
        // At 0 or all successes the limit on that side is the estimate itself; rounding must not
        // put it a hair outside.
        return new WilsonInterval(estimate, Math.min(estimate, Math.max(0, centre - halfWidth)),
                Math.max(estimate, Math.min(1, centre + halfWidth)));
    }
}
