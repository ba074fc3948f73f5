package io.genscope.runtime.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@code alerts} section of the config: the alerts evaluated inside the JVM, none unless the
 * config names them. Checked by the agent (bounds in {@code defaults.yaml}).
 *
 * @param evaluationPeriod {@code alerts.evaluation-period}: how often the {@value AlertMonitor#THREAD_NAME}
 *                         thread evaluates every alert
 * @param alerts           the configured alerts, at most one per {@link AlertCondition}
 */
public record AlertSettings(Duration evaluationPeriod, List<AlertDefinition> alerts) {

    public AlertSettings {
        Objects.requireNonNull(evaluationPeriod, "evaluationPeriod");
        if (evaluationPeriod.isNegative() || evaluationPeriod.isZero()) {
            throw new IllegalArgumentException("evaluation-period " + evaluationPeriod + " is not positive");
        }
        alerts = List.copyOf(alerts);
    }

    /** No alert: nothing is evaluated and no thread is started. */
    public static AlertSettings none() {
        return new AlertSettings(Duration.ofSeconds(15), List.of());
    }

    public boolean any() {
        return !alerts.isEmpty();
    }
}
