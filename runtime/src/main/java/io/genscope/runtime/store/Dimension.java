package io.genscope.runtime.store;

import java.util.Objects;

/** Which counts of each slice a query reads: everything, one generation rule, or one model. */
public final class Dimension {

    enum Kind { ALL, RULE, MODEL }

    private static final Dimension ALL = new Dimension(Kind.ALL, -1, null);

    private final Kind kind;
    private final int rule;
    private final String model;

    private Dimension(Kind kind, int rule, String model) {
        this.kind = kind;
        this.rule = rule;
        this.model = model;
    }

    public static Dimension all() {
        return ALL;
    }

    /** The generations started by the rule at {@code index} in the rule list. */
    public static Dimension rule(int index) {
        return new Dimension(Kind.RULE, index, null);
    }

    public static Dimension model(String model) {
        return new Dimension(Kind.MODEL, -1, model);
    }

    /** Whether the calls outside any generation (retries, validations) belong here. */
    boolean includesUnattributed() {
        return kind == Kind.ALL;
    }

    /** Whether the counts of {@code rule} with the model admitted as {@code model} belong here. */
    boolean includes(int rule, String model) {
        return switch (kind) {
            case ALL -> true;
            case RULE -> this.rule == rule;
            case MODEL -> this.model.equals(model);
        };
    }

    Kind kind() {
        return kind;
    }

    int rule() {
        return rule;
    }

    String model() {
        return model;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Dimension that && kind == that.kind && rule == that.rule
                && Objects.equals(model, that.model);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, rule, model);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "all";
            case RULE -> "rule " + rule;
            case MODEL -> "model " + model;
        };
    }
}
