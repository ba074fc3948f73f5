package io.genscope.agent.config;

/**
 * What success means for a generation rule. Without {@code success-when}, a generation succeeds
 * when its call returns normally (or its future completes normally).
 *
 * @param when        {@code success-when}: a boolean (or {@code Boolean}) read on the result,
 *                    rooted at {@code return}, as in {@code return.ok}; {@code false} makes a
 *                    generation that returned a failure. {@code null} when absent.
 * @param failureType {@code failure-type}: read on the result when {@code when} is false, the
 *                    failure type recorded (a name, like an exception's class name), as in
 *                    {@code return.error.code}; {@code null} when absent, and then the type is
 *                    {@code unsuccessful}. Only with {@code when}.
 */
public record SuccessSettings(CaptureExpression when, CaptureExpression failureType) {

    /** A rule that does not say: success is returning normally. */
    public static final SuccessSettings RETURNED_NORMALLY = new SuccessSettings(null, null);
}
