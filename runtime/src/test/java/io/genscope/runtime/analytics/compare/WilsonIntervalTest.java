package io.genscope.runtime.analytics.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The Wilson score interval against published values and hand-worked edge cases. z = 1.959964,
 * z² = 3.841459 throughout.
 */
class WilsonIntervalTest {

    /** Four decimals, as the references print them. */
    private static final org.assertj.core.data.Offset<Double> PRINTED = within(0.00005);

    @Test
    void matchesNewcombesWorkedExamples() {
        // Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison
        // of seven methods", Statistics in Medicine 17, 857-872, method 3 (score, no continuity
        // correction): 81/263 -> 0.2553 to 0.3662, 15/148 -> 0.0624 to 0.1605 (the values the
        // propint R package's tests check against that paper).
        WilsonInterval first = WilsonInterval.of(81, 263);
        assertThat(first.estimate()).isEqualTo(81.0 / 263);
        assertThat(first.lower()).isCloseTo(0.2553, PRINTED);
        assertThat(first.upper()).isCloseTo(0.3662, PRINTED);

        WilsonInterval second = WilsonInterval.of(15, 148);
        assertThat(second.lower()).isCloseTo(0.0624, PRINTED);
        assertThat(second.upper()).isCloseTo(0.1605, PRINTED);
    }

    @Test
    void noSuccessGivesZeroToZSquaredOverNPlusZSquared() {
        // x = 0: centre = (z²/2)/(n+z²), half-width = z·√(z²/4)/(n+z²) = (z²/2)/(n+z²), so the
        // interval is [0, z²/(n+z²)]. n = 20: 3.841459 / 23.841459 = 0.161125.
        WilsonInterval none = WilsonInterval.of(0, 20);
        assertThat(none.estimate()).isZero();
        assertThat(none.lower()).isZero();
        assertThat(none.upper()).isCloseTo(0.161125, within(0.000001));
    }

    @Test
    void allSuccessesMirrorNoSuccess() {
        // x = n: the mirror image of x = 0: [n/(n+z²), 1]. n = 10: 10 / 13.841459 = 0.722467.
        WilsonInterval all = WilsonInterval.of(10, 10);
        assertThat(all.estimate()).isEqualTo(1.0);
        assertThat(all.upper()).isEqualTo(1.0);
        assertThat(all.lower()).isCloseTo(0.722467, within(0.000001));
    }

    @Test
    void noTrialKnowsNothingAndIsNeverNaN() {
        assertThat(WilsonInterval.of(0, 0)).isEqualTo(new WilsonInterval(0, 0, 1));
        WilsonInterval one = WilsonInterval.of(1, 1);
        assertThat(one.lower()).isBetween(0.0, 1.0);
        assertThat(one.upper()).isEqualTo(1.0);
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThatThrownBy(() -> WilsonInterval.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WilsonInterval.of(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
