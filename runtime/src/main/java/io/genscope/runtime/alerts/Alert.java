package io.genscope.runtime.alerts;

import io.genscope.runtime.alerts.AlertCondition.Reading;
import io.genscope.runtime.store.Dimension;

import java.time.Duration;
import java.time.Instant;

/**
 * One alert's state machine: one configured condition over one generator (or the whole).
 *
 * <pre>
 *  NOT_ENOUGH_DATA ──(samples ≥ min, value ≤ fire-above)──▶ OK
 *  NOT_ENOUGH_DATA, OK ──(samples ≥ min, value &gt; fire-above)──▶ FIRING        "fired"
 *  OK ──(samples &lt; min)──▶ NOT_ENOUGH_DATA
 *  FIRING ──(samples ≥ min, value &lt; recover-below)──▶ OK                     "recovered"
 *  FIRING ──(no sample at all in the window)──▶ NOT_ENOUGH_DATA                "recovered"
 * </pre>
 *
 * So an idle JVM, or a tiny sample, never fires; a value between the two thresholds changes
 * nothing, so the alert does not flap around one; and a firing alert neither recovers on a tiny
 * sample nor stays firing once its window holds nothing at all.
 *
 * <p>{@link #evaluate} is called by one thread at a time (the {@link AlertMonitor}'s); the
 * status it publishes may be read by any thread.
 */
final class Alert {

    /** The {@code generator} of an alert over every generation. */
    static final String OVERALL = "(all)";

    private final AlertDefinition definition;
    private final String name;
    private final String generator;
    private final Dimension dimension;
    private AlertState state = AlertState.NOT_ENOUGH_DATA;
    private long sinceMillis;
    private volatile AlertStatus status;

    /**
     * @param generator   the generation rule's name, or {@code null} for the whole
     * @param dimension   what the store sums for it
     * @param startMillis when watching began: the alert is {@code NOT_ENOUGH_DATA} since then
     */
    Alert(AlertDefinition definition, String generator, Dimension dimension, long startMillis) {
        this.definition = definition;
        this.name = definition.condition().configName() + (generator == null ? "" : "/" + generator);
        this.generator = generator == null ? OVERALL : generator;
        this.dimension = dimension;
        this.sinceMillis = startMillis;
        this.status = status(Reading.NONE);
    }

    String name() {
        return name;
    }

    Dimension dimension() {
        return dimension;
    }

    AlertDefinition definition() {
        return definition;
    }

    /** As of the latest evaluation. */
    AlertStatus status() {
        return status;
    }

    /**
     * Moves the state machine on by one reading taken at {@code nowMillis}.
     *
     * @return the change when the alert fired or recovered, otherwise {@code null}
     */
    AlertChange evaluate(Reading reading, long nowMillis) {
        AlertState previous = state;
        AlertState next = next(reading);
        if (next != previous) {
            state = next;
            sinceMillis = nowMillis;
        }
        status = status(reading);
        if (next == AlertState.FIRING && previous != AlertState.FIRING) {
            return new AlertChange(status, nowMillis, "alert " + name + " fired: " + comparison(reading, ">",
                    definition.fireAbove()) + "; it recovers below " + format(definition.recoverBelow()));
        }
        if (previous == AlertState.FIRING && next != AlertState.FIRING) {
            return new AlertChange(status, nowMillis, "alert " + name + " recovered: " + (reading.samples() == 0
                    ? "no " + definition.condition().samples() + " in the last " + window()
                    : comparison(reading, "<", definition.recoverBelow())));
        }
        return null;
    }

    private AlertState next(Reading reading) {
        boolean enough = reading.samples() >= definition.minSamples();
        if (state == AlertState.FIRING) {
            if (reading.samples() == 0) {
                return AlertState.NOT_ENOUGH_DATA;
            }
            return enough && reading.value() < definition.recoverBelow() ? AlertState.OK : AlertState.FIRING;
        }
        if (!enough) {
            return AlertState.NOT_ENOUGH_DATA;
        }
        return reading.value() > definition.fireAbove() ? AlertState.FIRING : AlertState.OK;
    }

    /** {@code generation failure rate 0.625 > 0.5 over the last 5m (40 completed generations)} */
    private String comparison(Reading reading, String sign, double threshold) {
        return definition.condition().description() + " " + format(reading.value()) + " " + sign + " "
                + format(threshold) + " over the last " + window() + " (" + reading.samples() + " "
                + definition.condition().samples() + ", at least " + definition.minSamples() + " needed)";
    }

    private String format(double value) {
        return definition.condition().unit().format(value);
    }

    /** The window as the config writes it: {@code 5m}, {@code 90s}, {@code 1h}. */
    private String window() {
        Duration window = definition.window();
        if (window.toMillis() % 1000 != 0) {
            return window.toMillis() + "ms";
        }
        long seconds = window.toSeconds();
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    private AlertStatus status(Reading reading) {
        AlertCondition condition = definition.condition();
        return new AlertStatus(name, condition.configName(), generator, state, Instant.ofEpochMilli(sinceMillis).toString(),
                reading.value(), reading.samples(), definition.minSamples(), definition.fireAbove(),
                definition.recoverBelow(), condition.unit().configName(), definition.window().toSeconds());
    }
}
