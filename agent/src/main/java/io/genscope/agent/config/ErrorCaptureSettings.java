package io.genscope.agent.config;

import java.util.Objects;

/**
 * The {@code errors} capture of a validation rule. Written either as one expression
 * ({@code errors: return.errors}) or as an object with {@code each}, {@code type} and
 * {@code message}; {@code type} and {@code message} are evaluated once per element, with the
 * element as root {@code it}.
 *
 * @param each    the collection, array or single value whose elements are the errors. Required.
 * @param type    the error type of an element; {@code null} for the default: the element itself
 *                when it is a {@code String}, its class name when it is a {@code Throwable}.
 * @param message the message of an element, cut to {@code error-message-length} and redacted;
 *                {@code null} to keep no message.
 */
public record ErrorCaptureSettings(CaptureExpression each, CaptureExpression type, CaptureExpression message) {

    public ErrorCaptureSettings {
        Objects.requireNonNull(each, "each");
    }
}
