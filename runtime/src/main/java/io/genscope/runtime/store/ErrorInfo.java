package io.genscope.runtime.store;

/**
 * One validation error as kept: its type (a diagnostic code or exception class) and a message
 * already bounded and redacted, or {@code null} when messages are not kept.
 */
public record ErrorInfo(String type, String message) {
}
