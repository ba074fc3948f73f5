package io.genscope.agent.config;

import io.genscope.agent.config.ConfigProblem.Severity;
import io.genscope.runtime.Role;
import io.genscope.runtime.alerts.AlertCondition;
import io.genscope.runtime.alerts.AlertDefinition;
import io.genscope.runtime.alerts.AlertScope;
import io.genscope.runtime.alerts.AlertSettings;
import io.genscope.runtime.store.TelemetrySettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and checks the {@code alerts} section into {@link AlertSettings}. An alert is on when the
 * file has its key, and takes the defaults for the keys it leaves out. Each value is checked on
 * its own (a bad one takes its default, as everywhere), then the alert as a whole: recover-below
 * below fire-above, the window cut into whole slices of the store within its retention, and a
 * per-generator alert with a generation rule to watch. An alert that fails those checks is off,
 * with one problem saying what to change: thresholds or a window the user did not ask for would
 * page someone for the wrong reason, or never.
 */
final class AlertSettingsReader {

    private static final ValueReader<Duration> PERIOD = Values.duration(Duration.ofSeconds(1));
    private static final ValueReader<Duration> WINDOW = Values.duration(Duration.ofMillis(1));
    private static final ValueReader<Integer> MIN_SAMPLES = Values.wholeNumber(1, 1_000_000);
    private static final ValueReader<AlertScope> SCOPE =
            new Values.OneOf<>("a scope", Arrays.asList(AlertScope.values())) {
                @Override
                String spelling(AlertScope scope) {
                    return scope.configName();
                }
            };
    private static final ValueReader<Threshold> FRACTION = new ValueReader<>() {
        @Override
        public Threshold read(YamlNode node) throws InvalidValueException {
            return new Threshold(Values.fraction().read(node), node.display());
        }
    };
    private static final ValueReader<Threshold> DURATION = new ValueReader<>() {
        @Override
        public Threshold read(YamlNode node) throws InvalidValueException {
            Duration duration = Values.duration(Duration.ofMillis(1)).read(node);
            return new Threshold(duration.toNanos() / 1_000_000.0, "'" + Durations.format(duration) + "'");
        }
    };

    private AlertSettingsReader() {
    }

    /**
     * @param store the store settings in use: an alert's window is cut into its slices
     * @param rules the rules in use: a per-generator alert watches the generation rules
     */
    static AlertSettings read(SettingsSection alerts, TelemetrySettings store, List<RuleSettings> rules) {
        alerts.checkKeys();
        Duration period = alerts.value("evaluation-period", PERIOD);
        List<AlertDefinition> definitions = new ArrayList<>();
        for (AlertCondition condition : AlertCondition.values()) {
            String key = condition.configName();
            int line = alerts.line(key);
            if (line == 0) {
                continue;
            }
            YamlNode given = alerts.given(key);
            if (given != null && !(given instanceof YamlNode.Mapping)) {
                alerts.problems().add(Severity.SETTING, line, alerts.field(key), "expected a mapping of the alert's"
                        + " settings, such as fire-above: ..., or {} for the defaults; got " + given.display(), off(key));
                continue;
            }
            AlertDefinition definition = alert(alerts.section(key), condition, line, store, rules);
            if (definition != null) {
                definitions.add(definition);
            }
        }
        return new AlertSettings(period, definitions);
    }

    /** The alert, or {@code null} (reported) when its settings do not fit together. */
    private static AlertDefinition alert(SettingsSection alert, AlertCondition condition, int line,
                                         TelemetrySettings store, List<RuleSettings> rules) {
        alert.checkKeys();
        ValueReader<Threshold> thresholds = condition.unit() == AlertCondition.Unit.FRACTION ? FRACTION : DURATION;
        Threshold fire = alert.value("fire-above", thresholds);
        Threshold recover = alert.value("recover-below", thresholds);
        Duration window = alert.value("window", WINDOW);
        AlertScope scope = alert.value("scope", SCOPE);
        int minSamples = alert.value("min-samples", MIN_SAMPLES);
        String off = off(condition.configName());
        if (!(recover.value() < fire.value())) {
            blame(alert, line, off, "recover-below " + recover.text() + " is not below fire-above " + fire.text()
                    + ", so a firing alert would recover at once; set recover-below lower", "recover-below", "fire-above");
            return null;
        }
        if (!Durations.isMultiple(window, store.resolution())) {
            blame(alert, line, off, "window " + Durations.format(window) + " is not a whole multiple of store.resolution "
                    + Durations.format(store.resolution()) + ", so it cannot be read from whole slices; use a multiple",
                    "window");
            return null;
        }
        if (window.compareTo(store.retention()) > 0) {
            blame(alert, line, off, "window " + Durations.format(window) + " is longer than store.retention "
                    + Durations.format(store.retention()) + ", which is all the store keeps; shorten the window or"
                    + " lengthen the retention", "window");
            return null;
        }
        if (scope == AlertScope.GENERATOR && !anyGeneration(rules)) {
            blame(alert, line, off, "scope generator watches each generation rule, and there is none; use scope"
                    + " overall", "scope");
            return null;
        }
        return new AlertDefinition(condition, scope, fire.value(), recover.value(), window, minSamples);
    }

    /** Reports {@code what} at the first of {@code keys} the user gave, else at the alert's own line. */
    private static void blame(SettingsSection alert, int alertLine, String consequence, String what, String... keys) {
        String key = null;
        for (String candidate : keys) {
            if (alert.line(candidate) > 0) {
                key = candidate;
                break;
            }
        }
        alert.problems().add(Severity.SETTING, key == null ? alertLine : alert.line(key),
                key == null ? alert.field(keys[0]) : alert.field(key), what, consequence);
    }

    private static boolean anyGeneration(List<RuleSettings> rules) {
        for (RuleSettings rule : rules) {
            if (rule.role() == Role.GENERATION) {
                return true;
            }
        }
        return false;
    }

    private static String off(String alert) {
        return "alert " + alert + " off";
    }

    /**
     * A threshold in the condition's unit (a fraction, or milliseconds), and as the user wrote it.
     */
    private record Threshold(double value, String text) {
    }
}
