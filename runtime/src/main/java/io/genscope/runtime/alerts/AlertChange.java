package io.genscope.runtime.alerts;

/**
 * An alert fired or recovered: what the log line and the JMX notification say.
 *
 * @param status     the alert after the change; {@code FIRING} when it fired
 * @param timeMillis when it was evaluated (wall clock, milliseconds since the epoch)
 * @param message    one line that says which alert, the value, the threshold, the window and the samples
 */
public record AlertChange(AlertStatus status, long timeMillis, String message) {

    /** Whether the alert fired (otherwise it recovered). */
    public boolean fired() {
        return status.state() == AlertState.FIRING;
    }
}
