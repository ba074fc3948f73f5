package io.genscope.agent.config;

import io.genscope.runtime.alerts.AlertCondition;
import io.genscope.runtime.alerts.AlertDefinition;
import io.genscope.runtime.alerts.AlertScope;
import io.genscope.runtime.alerts.AlertSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code alerts} section: off unless named, defaults per key, and the checks of an alert as a whole. */
class AlertSettingsReaderTest {

    private static LoadedConfig load(String alerts) {
        return OneRuleConfig.load("genscope.yaml", alerts);
    }

    private static AlertSettings alerts(String alerts) {
        return load(alerts).settings().alerts();
    }

    private static String problem(String alerts) {
        LoadedConfig loaded = load(alerts);
        assertThat(loaded.problems()).hasSize(1);
        return loaded.problems().get(0).describe();
    }

    @Test
    void noAlertIsOnUnlessTheFileNamesIt() {
        assertThat(alerts("").alerts()).isEmpty();
        assertThat(alerts("alerts:\n  evaluation-period: 5s\n").alerts()).isEmpty();
        assertThat(alerts("alerts:\n  evaluation-period: 5s\n").evaluationPeriod()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anAlertNamedWithoutSettingsTakesEveryDefault() {
        AlertDefinition defaults = new AlertDefinition(AlertCondition.VALIDATION_FAILURE_RATE, AlertScope.GENERATOR,
                0.5, 0.25, Duration.ofMinutes(5), 20);

        assertThat(alerts("alerts:\n  validation-failure-rate: {}\n").alerts()).containsExactly(defaults);
        assertThat(alerts("alerts:\n  validation-failure-rate:\n").alerts()).containsExactly(defaults);
        assertThat(load("alerts:\n  validation-failure-rate:\n").problems()).isEmpty();
    }

    @Test
    void givenKeysReplaceTheDefaultsOneByOneAndDurationThresholdsAreMilliseconds() {
        AlertSettings settings = alerts("""
                alerts:
                  generation-time-p95:
                    fire-above: 2s
                    recover-below: 1500ms
                    scope: overall
                """);

        assertThat(settings.alerts()).containsExactly(new AlertDefinition(AlertCondition.GENERATION_TIME_P95,
                AlertScope.OVERALL, 2_000, 1_500, Duration.ofMinutes(5), 20));
        assertThat(settings.evaluationPeriod()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aRecoveryThresholdNotBelowTheFiringOneTurnsTheAlertOffAndSaysWhy() {
        String alerts = """
                alerts:
                  generation-failure-rate:
                    fire-above: 0.2
                    recover-below: 0.3
                """;

        assertThat(problem(alerts)).isEqualTo("genscope.yaml:4 alerts.generation-failure-rate.recover-below:"
                + " recover-below '0.3' is not below fire-above '0.2', so a firing alert would recover at once;"
                + " set recover-below lower (alert generation-failure-rate off)");
        assertThat(alerts(alerts).alerts()).isEmpty();
    }

    @Test
    void equalThresholdsAreRefusedTooForTheAlertWouldFlapAroundThem() {
        assertThat(problem("alerts:\n  generation-time-p95:\n    fire-above: 2s\n    recover-below: 2000ms\n"))
                .isEqualTo("genscope.yaml:4 alerts.generation-time-p95.recover-below: recover-below '2s' is not below"
                        + " fire-above '2s', so a firing alert would recover at once; set recover-below lower"
                        + " (alert generation-time-p95 off)");
    }

    @Test
    void aFiringThresholdUnderTheDefaultRecoveryOneIsBlamedWhereItIsGiven() {
        assertThat(problem("alerts:\n  generation-failure-rate:\n    fire-above: 0.05\n")).isEqualTo(
                "genscope.yaml:3 alerts.generation-failure-rate.fire-above: recover-below '0.1' is not below"
                        + " fire-above '0.05', so a firing alert would recover at once; set recover-below lower"
                        + " (alert generation-failure-rate off)");
    }

    @Test
    void aWindowOfPartSlicesTurnsTheAlertOff() {
        String alerts = "alerts:\n  generation-failure-rate:\n    window: 90s\n";

        assertThat(problem(alerts)).isEqualTo("genscope.yaml:3 alerts.generation-failure-rate.window: window 90s is"
                + " not a whole multiple of store.resolution 1m, so it cannot be read from whole slices; use a multiple"
                + " (alert generation-failure-rate off)");
        assertThat(alerts(alerts).alerts()).isEmpty();
    }

    @Test
    void aWindowLongerThanTheRetentionTurnsTheAlertOff() {
        assertThat(problem("alerts:\n  validation-failure-rate:\n    window: 2h\n")).isEqualTo(
                "genscope.yaml:3 alerts.validation-failure-rate.window: window 2h is longer than store.retention 1h,"
                        + " which is all the store keeps; shorten the window or lengthen the retention"
                        + " (alert validation-failure-rate off)");
    }

    @Test
    void theDefaultWindowIsCheckedAgainstTheStoreInUseAndBlamedOnTheAlert() {
        String text = "store:\n  resolution: 2m\n  window: 2h\n  retention: 2h\nalerts:\n  generation-time-p95: {}\n";

        assertThat(problem(text)).isEqualTo("genscope.yaml:6 alerts.generation-time-p95.window: window 5m is not a"
                + " whole multiple of store.resolution 2m, so it cannot be read from whole slices; use a multiple"
                + " (alert generation-time-p95 off)");
    }

    @Test
    void aRateOutOfRangeTakesItsDefaultAndTheAlertStaysOn() {
        LoadedConfig loaded = load("alerts:\n  generation-failure-rate:\n    fire-above: 20\n");

        assertThat(loaded.problems()).extracting(ConfigProblem::describe).containsExactly(
                "genscope.yaml:3 alerts.generation-failure-rate.fire-above: 20 is out of range; use a fraction more"
                        + " than 0 and less than 1, such as 0.2 for 20% (using the default 0.2)");
        assertThat(loaded.settings().alerts().alerts()).singleElement()
                .extracting(AlertDefinition::fireAbove).isEqualTo(0.2);
    }

    @Test
    void aPerGeneratorAlertWithoutAGenerationRuleWatchesNothingAndSaysSo() {
        String text = """
                alerts:
                  validation-failure-rate: {}
                rules:
                  - role: validation
                    class: com.acme.Check
                    method: check
                """;

        assertThat(ConfigLoader.parse("genscope.yaml", text).problems()).extracting(ConfigProblem::describe)
                .containsExactly("genscope.yaml:2 alerts.validation-failure-rate.scope: scope generator watches each"
                        + " generation rule, and there is none; use scope overall (alert validation-failure-rate off)");
    }

    @Test
    void anAlertThatIsNotAMappingIsOffEvenWhenItSaysTrue() {
        assertThat(problem("alerts:\n  generation-failure-rate: true\n")).isEqualTo(
                "genscope.yaml:2 alerts.generation-failure-rate: expected a mapping of the alert's settings, such as"
                        + " fire-above: ..., or {} for the defaults; got 'true' (alert generation-failure-rate off)");
        assertThat(alerts("alerts:\n  generation-failure-rate: false\n").alerts()).isEmpty();
    }

    @Test
    void aMisspeltKeyIsReportedWithTheKeyMeant() {
        assertThat(problem("alerts:\n  generation-failure-rate:\n    fire-abve: 0.3\n")).startsWith(
                "genscope.yaml:3 alerts.generation-failure-rate.fire-abve: unknown key 'fire-abve' (did you mean"
                        + " 'fire-above'?)");
        assertThat(problem("alerts:\n  generation-failure-rates: {}\n")).startsWith(
                "genscope.yaml:2 alerts.generation-failure-rates: unknown key 'generation-failure-rates' (did you mean"
                        + " 'generation-failure-rate'?)");
    }

    @Test
    void anEvaluationPeriodUnderASecondTakesTheDefault() {
        assertThat(problem("alerts:\n  evaluation-period: 500ms\n")).isEqualTo("genscope.yaml:2"
                + " alerts.evaluation-period: '500ms' is too short; use at least 1s (using the default 15s)");
    }
}
