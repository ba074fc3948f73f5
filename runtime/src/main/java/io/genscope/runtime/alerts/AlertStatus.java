package io.genscope.runtime.alerts;

/**
 * One alert as of its latest evaluation: a row of the Alerts MBean's {@code Alerts} table and the
 * user data of its notifications. Immutable.
 *
 * @param alert         the alert's name: the condition, then {@code /} and the generator for a
 *                      per-generator alert ({@code generation-failure-rate/generate})
 * @param condition     the condition's config name ({@code generation-failure-rate})
 * @param generator     the generation rule watched, {@value Alert#OVERALL} for the whole
 * @param state         {@code NOT_ENOUGH_DATA}, {@code OK} or {@code FIRING}
 * @param since         when the alert entered that state (ISO-8601, UTC); Genscope's start for
 *                      an alert that never left {@code NOT_ENOUGH_DATA}
 * @param value         the figure at the latest evaluation, in {@code unit}; NaN when the window
 *                      held no sample
 * @param samples       the events the figure was computed from
 * @param minSamples    the fewest samples that fire or recover the alert
 * @param fireAbove     the alert fires when the value is above this, in {@code unit}
 * @param recoverBelow  a firing alert recovers when the value is below this, in {@code unit}
 * @param unit          {@code fraction} (rates, from 0 to 1) or {@code ms}
 * @param windowSeconds the span each evaluation reads
 */
public record AlertStatus(
        String alert,
        String condition,
        String generator,
        AlertState state,
        String since,
        double value,
        long samples,
        int minSamples,
        double fireAbove,
        double recoverBelow,
        String unit,
        long windowSeconds) {
}
