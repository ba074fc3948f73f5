package io.genscope.runtime.store;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes an error message safe to keep: redacts configured patterns, then cuts it to the
 * configured length. Compiler messages can quote generated code; this is the bound on how much.
 * Thread-safe (patterns are immutable).
 */
final class MessageSanitizer {

    private static final String MASK = "***";

    private final int maxLength;
    private final List<Pattern> redact;

    MessageSanitizer(int maxLength, List<Pattern> redact) {
        this.maxLength = maxLength;
        this.redact = redact;
    }

    /** The message to keep, or {@code null} when messages are off or there is none. */
    String sanitize(String message) {
        if (message == null || maxLength == 0) {
            return null;
        }
        String text = message.strip();
        text = text.lines().findFirst().orElse("");
        for (Pattern pattern : redact) {
            text = pattern.matcher(text).replaceAll(MASK);
        }
        return text.length() <= maxLength ? text : text.substring(0, maxLength) + "…";
    }
}
