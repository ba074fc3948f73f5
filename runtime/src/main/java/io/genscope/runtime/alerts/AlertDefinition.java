package io.genscope.runtime.alerts;

import java.time.Duration;
import java.util.Objects;

/**
 * One configured alert ({@code alerts.<condition>} in the config) as the runtime sees it: what it
 * watches, where it fires and recovers, and over how much. Checked by the agent when it reads the
 * config (bounds in {@code defaults.yaml}); the constructor only refuses what would make the state
 * machine meaningless.
 *
 * @param condition    the figure watched
 * @param scope        {@code scope}: per generator, overall or both
 * @param fireAbove    {@code fire-above}: the alert fires when the value is above it, in the
 *                     condition's unit (a fraction, or milliseconds)
 * @param recoverBelow {@code recover-below}: a firing alert recovers when the value is below it;
 *                     below {@code fireAbove}, so a value between the two changes nothing and the
 *                     alert does not flap
 * @param window       {@code window}: the span each evaluation reads, a whole number of the store's
 *                     slices within its retention
 * @param minSamples   {@code min-samples}: fewer samples in the window than this never fire, nor
 *                     recover, an alert
 */
public record AlertDefinition(AlertCondition condition, AlertScope scope, double fireAbove, double recoverBelow,
                              Duration window, int minSamples) {

    public AlertDefinition {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(window, "window");
        if (!(recoverBelow < fireAbove)) {
            throw new IllegalArgumentException("recover-below " + recoverBelow + " is not below fire-above " + fireAbove);
        }
        if (minSamples < 1) {
            throw new IllegalArgumentException("min-samples " + minSamples + " is less than 1");
        }
    }
}
