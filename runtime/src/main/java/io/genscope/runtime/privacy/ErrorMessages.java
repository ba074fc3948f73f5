package io.genscope.runtime.privacy;

/**
 * {@code store.error-messages}: how much of a validation error's message is kept. Messages of
 * compilers and linters quote the generated code, and validation exceptions may quote the
 * prompt, so the default keeps none.
 */
public enum ErrorMessages {
    /** No message text at all; the host's message is not even read. The default. */
    NONE,
    /** The first line, with the built-in patterns of {@link Redactor#BUILT_IN} and {@code store.redact} masked. */
    REDACTED,
    /** The first line, with only {@code store.redact} masked. */
    FULL;

    /** The spelling in the config file. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
