package com.example.codegen;

/**
 * A model that writes Java source from a prompt: the part of a generator that is an LLM call in
 * real life.
 *
 * <p>An answer may not compile; that is the caller's to find out. An answer may also not come at
 * all, which implementations signal with {@link ModelUnavailableException}.
 */
public interface CodeModel {

    /** The model's name, as results and reports show it, e.g. {@code codex-mini}. */
    String name();

    /**
     * Writes one compilation unit for a prompt.
     *
     * @param prompt  the request's prompt; on a repair followed by the compiler's complaints
     * @param attempt 1 for the first answer to a request, 2 and up for its repairs
     * @return Java source, not necessarily valid
     * @throws ModelUnavailableException when the model gives no answer at all
     */
    String complete(String prompt, int attempt);
}
