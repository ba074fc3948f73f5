package io.genscope.runtime.analytics.compare;

import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Newcombe's hybrid score interval (his method 10) against the eight examples of Newcombe (1998),
 * "Interval estimation for the difference between independent proportions: comparison of eleven
 * methods", Statistics in Medicine 17, 873-890, Table II.
 */
class ProportionDifferenceTest {

    private static final Offset<Double> PRINTED = within(0.00005);

    /**
     * Rows (a) and (b) are the published values as the propint R package's tests check them
     * against the paper. (Note: 56/70 - 48/80 is 0.8 - 0.6 = 0.2000, with 0.0524 to 0.3339; a
     * "0.1750, 0.0233 to 0.3197" sometimes quoted for it does not fit these counts.) Rows (c) to
     * (h) were recomputed independently (a Python script of the two formulas, 4 decimals), and the
     * zero-count rows (e) and (h) are worked by hand in the tests below.
     */
    @ParameterizedTest(name = "{0}/{1} - {2}/{3}")
    @CsvSource({
            "56, 70, 48, 80, 0.2000, 0.0524, 0.3339",
            " 9, 10,  3, 10, 0.6000, 0.1705, 0.8090",
            " 6,  7,  2,  7, 0.5714, 0.0582, 0.8062",
            " 5, 56,  0, 29, 0.0893, -0.0381, 0.1926",
            " 0, 10,  0, 20, 0.0000, -0.1611, 0.2775",
            " 0, 10,  0, 10, 0.0000, -0.2775, 0.2775",
            "10, 10,  0, 20, 1.0000, 0.6791, 1.0000",
            "10, 10,  0, 10, 1.0000, 0.6075, 1.0000"})
    void matchesNewcombesTableII(long x1, long n1, long x2, long n2, double difference, double lower, double upper) {
        ProportionDifference result = ProportionDifference.of(x1, n1, x2, n2);
        assertThat(result.difference()).isCloseTo(difference, PRINTED);
        assertThat(result.lower()).isCloseTo(lower, PRINTED);
        assertThat(result.upper()).isCloseTo(upper, PRINTED);
    }

    @Test
    void noSuccessInEitherArmIsStillAnInterval() {
        // (e) 0/10 - 0/20. Wilson: 0/10 -> [0, z²/(10+z²)] = [0, 3.841459/13.841459] = [0, 0.277533];
        // 0/20 -> [0, 0.161125]. d = 0.
        // lower = 0 - √((0 - 0)² + (0.161125 - 0)²) = -0.161125
        // upper = 0 + √((0.277533 - 0)² + (0 - 0)²) = 0.277533
        ProportionDifference result = ProportionDifference.of(0, 10, 0, 20);
        assertThat(result.lower()).isCloseTo(-0.161125, within(0.000001));
        assertThat(result.upper()).isCloseTo(0.277533, within(0.000001));
        assertThat(result.above0()).isFalse();
        assertThat(result.below0()).isFalse();
    }

    @Test
    void allAgainstNoneStopsAtOne() {
        // (h) 10/10 - 0/10. Wilson: 10/10 -> [10/13.841459, 1] = [0.722467, 1]; 0/10 -> [0, 0.277533].
        // d = 1. lower = 1 - √((1 - 0.722467)² + (0.277533 - 0)²) = 1 - 0.277533·√2 = 1 - 0.392491
        // = 0.607509; upper = 1 + √((1 - 1)² + (0 - 0)²) = 1.
        ProportionDifference result = ProportionDifference.of(10, 10, 0, 10);
        assertThat(result.lower()).isCloseTo(0.607509, within(0.000001));
        assertThat(result.upper()).isEqualTo(1.0);
        assertThat(result.above0()).isTrue();
    }

    @Test
    void swappingTheArmsMirrorsTheInterval() {
        ProportionDifference forward = ProportionDifference.of(56, 70, 48, 80);
        ProportionDifference backward = ProportionDifference.of(48, 80, 56, 70);
        assertThat(backward.difference()).isCloseTo(-forward.difference(), within(1e-12));
        assertThat(backward.lower()).isCloseTo(-forward.upper(), within(1e-12));
        assertThat(backward.upper()).isCloseTo(-forward.lower(), within(1e-12));
        assertThat(backward.below0()).isTrue();
    }

    @Test
    void anEmptyArmGivesTheWidestIntervalNotNaN() {
        // Both Wilson intervals are [0, 1] around 0: lower = 0 - √(0² + 1²) = -1, upper = 0 + √(1² + 0²) = 1.
        assertThat(ProportionDifference.of(0, 0, 0, 0)).isEqualTo(new ProportionDifference(0, -1, 1));
        ProportionDifference oneSided = ProportionDifference.of(3, 3, 0, 0);
        assertThat(oneSided.lower()).isBetween(-1.0, 1.0);
        assertThat(oneSided.upper()).isEqualTo(1.0);
    }
}
