package com.example.codegen.model;

/**
 * The small, cheap model: more than half of its first answers are broken, and it is down more
 * often than {@link CodexPro}, so requests to it often need repairs and sometimes fail outright.
 */
public final class CodexMini extends SimulatedModel {

    public CodexMini(long seed) {
        super("codex-mini", 0.6, 0.75, 0.03, seed);
    }
}
