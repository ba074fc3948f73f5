package com.example.codegen.model;

/**
 * The two versions of the prompt template the sample runs as an A/B experiment: version 2 adds a
 * sentence asking the model to check its imports, and the simulated models break its answers
 * less often ({@link #defectFactor}). The sentence is left out of a model's draw, so the same
 * request gets the same draws under either version and only the defect threshold differs.
 */
public enum PromptVariant {
    V1("prompt-v1", "", 1.0),
    V2("prompt-v2", " Check that every type you use is declared or imported.", 0.35);

    private final String id;
    private final String addedText;
    private final double defectFactor;

    PromptVariant(String id, String addedText, double defectFactor) {
        this.id = id;
        this.addedText = addedText;
        this.defectFactor = defectFactor;
    }

    /** The version's name, as the generator reports it. */
    public String id() {
        return id;
    }

    /** {@code prompt} written in this version of the template. */
    public String apply(String prompt) {
        return prompt + addedText;
    }

    /** Factor on a model's chance of a broken answer for a prompt of this version. */
    double defectFactor() {
        return defectFactor;
    }

    /** The version {@code prompt} (or a repair prompt built on it) was written in. */
    static PromptVariant of(String prompt) {
        return prompt.contains(V2.addedText) ? V2 : V1;
    }

    /** {@code prompt} without the text its version added: what a model's draw depends on. */
    static String base(String prompt) {
        return prompt.replace(V2.addedText, "");
    }
}
