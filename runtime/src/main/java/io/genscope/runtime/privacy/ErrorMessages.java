package io.genscope.runtime.privacy;

/**
 * {@code store.error-messages}: how much of a validation error's message is kept. Messages of
 * compilers and linters quote the generated code, and validation exceptions may quote the
 * prompt, so the default keeps none.
 */
public enum ErrorMessages {
    /** No message text at all; the host's message is not even read. The default. */
    NONE,
    /**
     * The first line, with quoted text, e-mail addresses, secret-looking tokens and long hex or
     * base64 runs masked (see {@link Redactor}), then {@code store.redact}.
     */
    REDACTED,
    /** The first line, with only {@code store.redact} masked. */
    FULL;

    /** The spelling in the config file. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
