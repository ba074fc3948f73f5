package io.genscope.runtime.privacy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes an error message safe to keep, as {@code store.error-messages} says: nothing
 * ({@code none}, the default), or the first line only, redacted ({@code redacted}: built-in
 * patterns and {@code store.redact}; {@code full}: {@code store.redact} only) and cut to
 * {@code error-message-length} characters.
 *
 * <p>The text is cut before any pattern sees it: the first line, at most
 * {@code error-message-length} + {@value #SCAN_MARGIN} characters (the margin lets a secret that
 * straddles the cut still match, so no prefix of it is kept); then {@link Redactor} bounds the
 * work of each pattern. Thread-safe (immutable).
 */
public final class MessageSanitizer {

    static final int SCAN_MARGIN = 64;

    private final ErrorMessages mode;
    private final int maxLength;
    private final Redactor redactor;

    /**
     * @param maxLength {@code error-message-length}: characters kept; 0 keeps none whatever the mode
     * @param redact    {@code store.redact}
     */
    public MessageSanitizer(ErrorMessages mode, int maxLength, List<Pattern> redact) {
        this.mode = mode;
        this.maxLength = maxLength;
        this.redactor = mode == ErrorMessages.REDACTED ? Redactor.withBuiltIns(redact) : Redactor.of(redact);
    }

    /**
     * The most characters a kept message has under {@code mode} and {@code maxLength}, the mark of
     * a cut message included; 0 when none is kept.
     */
    public static int longestKept(ErrorMessages mode, int maxLength) {
        return mode == ErrorMessages.NONE || maxLength <= 0 ? 0 : maxLength + Text.CUT.length();
    }

    /** Whether any message is kept; when not, callers need not even read one from the host. */
    public boolean keepsMessages() {
        return longestKept(mode, maxLength) > 0;
    }

    /** The message to keep, or {@code null} when messages are off, there is none or its first line is blank. */
    public String sanitize(String message) {
        if (message == null || !keepsMessages()) {
            return null;
        }
        String line = Text.firstLine(message, maxLength + SCAN_MARGIN);
        return line.isEmpty() ? null : Text.cut(redactor.redact(line), maxLength);
    }
}
