package com.example.codegen.model;

/**
 * The larger model: about a quarter of its first answers are broken, and repairs help it more
 * than they help {@link CodexMini}.
 */
public final class CodexPro extends SimulatedModel {

    public CodexPro(long seed) {
        super("codex-pro", 0.25, 0.5, 0.01, seed);
    }
}
