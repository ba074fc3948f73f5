package io.genscope.runtime.store;

import java.util.function.Function;

/** Which tally of each slice a query reads: everything, one generation rule, or one model. */
public final class Dimension {

    private static final Dimension ALL = new Dimension("all", slice -> slice.total);

    private final String label;
    private final Function<TimeSlice, Tally> selector;

    private Dimension(String label, Function<TimeSlice, Tally> selector) {
        this.label = label;
        this.selector = selector;
    }

    public static Dimension all() {
        return ALL;
    }

    /** The generations started by the rule at {@code index} in the rule list. */
    public static Dimension rule(int index) {
        return new Dimension("rule " + index, slice -> slice.ruleIfPresent(index));
    }

    public static Dimension model(String model) {
        return new Dimension("model " + model, slice -> slice.modelIfPresent(model));
    }

    /** The slice's tally for this dimension, {@code null} if it recorded nothing for it. */
    Tally in(TimeSlice slice) {
        return selector.apply(slice);
    }

    @Override
    public String toString() {
        return label;
    }
}
