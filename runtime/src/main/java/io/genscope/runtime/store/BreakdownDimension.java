package io.genscope.runtime.store;

/**
 * A value a generation rule may capture, besides its model, that the store breaks the figures
 * down by: each of its values gets a row of {@link io.genscope.runtime.analytics.BreakdownRow}
 * figures per window, with its own cap ({@code store.max-variants}, …) past which values share
 * the row {@link TelemetryStore#OTHER}.
 */
public enum BreakdownDimension {
    /** {@code capture.variant}: a prompt template version or an experiment arm. */
    VARIANT("variant", "variants"),
    /** {@code capture.project-id}. */
    PROJECT("project", "projects"),
    /** {@code capture.user-id}, kept as a pseudonym unless {@code user-ids.keep} is {@code plain}. */
    USER("user", "users"),
    /** {@code capture.prompt-category}: a label the generator computes, such as a template id. */
    PROMPT_CATEGORY("prompt-category", "prompt-categories");

    private final String configName;
    private final String plural;

    BreakdownDimension(String configName, String plural) {
        this.configName = configName;
        this.plural = plural;
    }

    /** The name in MBean names and in the summary: {@code variant}, {@code project}, … */
    public String configName() {
        return configName;
    }

    /** The store setting that caps it: {@code store.max-variants}, … */
    public String capSetting() {
        return "store.max-" + plural;
    }

    /**
     * This dimension's value in {@code generation}; {@code null} when not captured. A new
     * dimension's field goes into {@link GenerationRecord#hasBreakdownValue} too.
     */
    String of(GenerationRecord generation) {
        return switch (this) {
            case VARIANT -> generation.variant;
            case PROJECT -> generation.projectId;
            case USER -> generation.userId;
            case PROMPT_CATEGORY -> generation.promptCategory;
        };
    }
}
