package io.genscope.runtime.store;

/**
 * How many values of each {@link BreakdownDimension} a time slice counts on their own; later ones
 * share the row "(other)". The config's {@code store.max-variants}, {@code store.max-projects},
 * {@code store.max-users} and {@code store.max-prompt-categories}, each 1 to 100,000.
 */
public record BreakdownCaps(int maxVariants, int maxProjects, int maxUsers, int maxPromptCategories) {

    public BreakdownCaps {
        if (maxVariants < 1 || maxProjects < 1 || maxUsers < 1 || maxPromptCategories < 1) {
            throw new IllegalArgumentException("every breakdown cap must be at least 1: " + this);
        }
    }

    /** The defaults of the bundled config. */
    public static BreakdownCaps defaults() {
        return new BreakdownCaps(10, 10, 10, 10);
    }

    public int of(BreakdownDimension dimension) {
        return switch (dimension) {
            case VARIANT -> maxVariants;
            case PROJECT -> maxProjects;
            case USER -> maxUsers;
            case PROMPT_CATEGORY -> maxPromptCategories;
        };
    }
}
