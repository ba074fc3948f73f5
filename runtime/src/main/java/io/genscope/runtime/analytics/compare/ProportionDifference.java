package io.genscope.runtime.analytics.compare;

/**
 * The difference p1 − p2 of two independent proportions with its 95 % confidence interval by
 * Newcombe's hybrid score method (R. G. Newcombe, "Interval estimation for the difference between
 * independent proportions: comparison of eleven methods", Statistics in Medicine 17, 873–890,
 * 1998, method 10). It combines the two {@link WilsonInterval}s:
 *
 * <pre>
 *   lower = d − √((p1 − l1)² + (u2 − p2)²)
 *   upper = d + √((u1 − p1)² + (p2 − l2)²)
 * </pre>
 *
 * where (l1, u1) and (l2, u2) are the Wilson limits of p1 and p2. Newcombe found it keeps close
 * to 95 % coverage where the Wald interval fails (small samples, rates near 0 or 1), needs no
 * iteration, and is never degenerate: with 0/10 against 0/20 it is (−0.161, 0.278), not (0, 0).
 * An arm with no trial has the Wilson interval [0, 1], so the result stays finite and wide.
 *
 * @param difference p1 − p2
 * @param lower      the lower 95 % limit, at least −1
 * @param upper      the upper 95 % limit, at most 1
 */
public record ProportionDifference(double difference, double lower, double upper) {

    /** (successes1 / trials1) − (successes2 / trials2), with Newcombe's interval. */
    public static ProportionDifference of(long successes1, long trials1, long successes2, long trials2) {
        WilsonInterval first = WilsonInterval.of(successes1, trials1);
        WilsonInterval second = WilsonInterval.of(successes2, trials2);
        double difference = first.estimate() - second.estimate();
        double below = Math.hypot(first.estimate() - first.lower(), second.upper() - second.estimate());
        double above = Math.hypot(first.upper() - first.estimate(), second.estimate() - second.lower());
        return new ProportionDifference(difference, Math.max(-1, difference - below), Math.min(1, difference + above));
    }

    /** Whether the interval lies wholly above 0: the first proportion is higher, at 95 % confidence. */
    public boolean above0() {
        return lower > 0;
    }

    /** Whether the interval lies wholly below 0: the first proportion is lower, at 95 % confidence. */
    public boolean below0() {
        return upper < 0;
    }
}
