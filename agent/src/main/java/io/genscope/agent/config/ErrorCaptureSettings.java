package io.genscope.agent.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code errors} capture of a validation rule. Written either as one expression
 * ({@code errors: return.errors}) or as an object with {@code each}, {@code type} and
 * {@code message} and {@code type-pattern}; {@code type} and {@code message} are evaluated once
 * per element, with the element as root {@code it}.
 *
 * @param each    the collection, array or single value whose elements are the errors. Required.
 * @param type    what an element's error type is derived from (see {@code ErrorTypes}: a short,
 *                redacted identifier); {@code null} for the default: derived from the element
 *                itself when it is a {@code String}, its class name as it is when it is a
 *                {@code Throwable}.
 * @param message the message of an element, kept as {@code store.error-messages} says;
 *                {@code null} for the default: the element itself when it is a {@code String},
 *                its message when it is a {@code Throwable}.
 * @param typePattern {@code type-pattern}: a regular expression with at least one group; group 1
 *                of its first match in the type text is the type. {@code null} for the built-in
 *                derivation of a short type from a plain string.
 */
public record ErrorCaptureSettings(CaptureExpression each, CaptureExpression type, CaptureExpression message,
                                   Pattern typePattern) {

    public ErrorCaptureSettings {
        Objects.requireNonNull(each, "each");
    }
}
