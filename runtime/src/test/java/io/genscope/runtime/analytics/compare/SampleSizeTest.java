package io.genscope.runtime.analytics.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The per-group sample size for 95 % confidence (two-sided) and 80 % power, each example worked
 * by hand from n = (zα·√(2p̄q̄) + zβ·√(p1q1 + p2q2))² / (p1 − p2)², zα = 1.959964 (the 0.975
 * normal quantile), zβ = 0.841621 (the 0.80 quantile).
 */
class SampleSizeTest {

    @Test
    void matchesJmpsWorkedExample() {
        // JMP 13.2 help, "Two Sample Proportions": 0.08 against 0.06, two-sided alpha 0.05, power 0.8
        // -> sample sizes of 2554. By hand: p̄ = 0.07: √(2 · 0.07 · 0.93) = √0.1302 = 0.360832,
        // · 1.959964 = 0.707218; √(0.08 · 0.92 + 0.06 · 0.94) = √0.13 = 0.360555, · 0.841621 = 0.303451;
        // (0.707218 + 0.303451)² = 1.021452; / 0.02² = 2553.63 -> 2554.
        assertThat(SampleSize.perGroup(0.08, 0.06)).isEqualTo(2554);
    }

    @Test
    void eightyAgainstSixtyPercentNeeds82() {
        // p̄ = 0.7: √(2 · 0.7 · 0.3) = √0.42 = 0.648074, · 1.959964 = 1.270202
        // √(0.8 · 0.2 + 0.6 · 0.4) = √0.40 = 0.632456, · 0.841621 = 0.532288
        // (1.270202 + 0.532288)² = 1.802490² = 3.248970; / 0.2² = 81.22 -> 82
        assertThat(SampleSize.perGroup(0.8, 0.6)).isEqualTo(82);
        assertThat(SampleSize.perGroup(0.6, 0.8)).isEqualTo(82);
    }

    @Test
    void fiftyAgainstSixtyPercentNeeds388() {
        // p̄ = 0.55: √(2 · 0.55 · 0.45) = √0.495 = 0.703562, · 1.959964 = 1.378957
        // √(0.25 + 0.24) = 0.7, · 0.841621 = 0.589135
        // (1.378957 + 0.589135)² = 1.968092² = 3.873385; / 0.1² = 387.34 -> 388
        assertThat(SampleSize.perGroup(0.5, 0.6)).isEqualTo(388);
    }

    @Test
    void aRateAtZeroStillHasASampleSize() {
        // 0.02 against 0: p̄ = 0.01: √(2 · 0.01 · 0.99) = √0.0198 = 0.140712, · 1.959964 = 0.275791
        // √(0.02 · 0.98 + 0) = √0.0196 = 0.14, · 0.841621 = 0.117827
        // (0.275791 + 0.117827)² = 0.393618² = 0.154935; / 0.02² = 387.34 -> 388
        assertThat(SampleSize.perGroup(0.02, 0)).isEqualTo(388);
    }

    @Test
    void toDetectTurnsDownwardsAtTheTop() {
        // From 1.0 an effect of 0.02 cannot go up: 0.98 against 1.0, the mirror of 0.02 against 0 -> 388.
        assertThat(SampleSize.toDetect(1.0, 0.02, true)).isEqualTo(388);
        // From 0.0 it cannot go down: 0.02 against 0 -> 388.
        assertThat(SampleSize.toDetect(0.0, 0.02, false)).isEqualTo(388);
        // From 0.6 an effect of 0.2 upwards is 0.8 against 0.6 -> 82.
        assertThat(SampleSize.toDetect(0.6, 0.2, true)).isEqualTo(82);
    }

    @Test
    void equalRatesHaveNoSampleSize() {
        assertThatThrownBy(() -> SampleSize.perGroup(0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleSize.perGroup(1.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
