package io.genscope.agent.config;

import io.genscope.runtime.analytics.compare.ComparisonSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code ab-test} section: its defaults, and each bad value reported at its line and replaced by the default. */
class AbTestSettingsReaderTest {

    private static LoadedConfig load(String abTest) {
        return OneRuleConfig.load("genscope.yaml", abTest);
    }

    private static String problem(String abTest) {
        LoadedConfig loaded = load(abTest);
        assertThat(loaded.problems()).hasSize(1);
        assertThat(loaded.settings().abTest()).isEqualTo(ComparisonSettings.defaults());
        return loaded.problems().get(0).describe();
    }

    @Test
    void withoutTheSectionTheDefaultsApply() {
        LoadedConfig loaded = load("");
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.settings().abTest()).isEqualTo(new ComparisonSettings("", 30, 0.02));
    }

    @Test
    void givenValuesAreRead() {
        LoadedConfig loaded = load("""
                ab-test:
                  baseline: prompt-v1
                  min-generations: 100
                  min-difference: 0.5
                """);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.settings().abTest()).isEqualTo(new ComparisonSettings("prompt-v1", 100, 0.5));
    }

    @Test
    void otherCannotBeTheBaseline() {
        assertThat(problem("ab-test:\n  baseline: '(other)'\n")).isEqualTo("genscope.yaml:2 ab-test.baseline: (other)"
                + " counts the variants past the cap together and cannot be the baseline; use a variant name as the"
                + " variant capture gives it, or \"\" for the first variant by name (using the default \"\")");
    }

    @Test
    void aMinimalDifferenceAboveHalfIsRefused() {
        assertThat(problem("ab-test:\n  min-difference: 0.6\n")).isEqualTo("genscope.yaml:2 ab-test.min-difference:"
                + " 0.6 is out of range; use a fraction more than 0 and at most 0.5, such as 0.02 for 2 percentage"
                + " points (using the default 0.02)");
        assertThat(problem("ab-test:\n  min-difference: 0\n")).startsWith("genscope.yaml:2 ab-test.min-difference:"
                + " '0' is not a fraction more than 0 and at most 0.5");
    }

    @Test
    void minGenerationsIsAPositiveWholeNumber() {
        assertThat(problem("ab-test:\n  min-generations: 0\n")).startsWith("genscope.yaml:2 ab-test.min-generations:");
    }

    @Test
    void aMisspeltKeyIsReportedWithTheOneMeant() {
        assertThat(problem("ab-test:\n  baseline-variant: v1\n")).contains("genscope.yaml:2 ab-test.baseline-variant:")
                .contains("unknown key 'baseline-variant'");
    }
}
