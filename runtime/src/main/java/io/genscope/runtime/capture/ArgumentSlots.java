package io.genscope.runtime.capture;

import io.genscope.runtime.rule.RuleCaptures;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Which arguments a rule's captures read, as up to {@value #MAX} slots: the advice hands over
 * exactly those arguments, one per slot, instead of allocating an {@code Object[]} of all of them
 * on every call. Slot {@code j} carries the {@code j}-th smallest argument position read. The
 * agent (binding the advice) and the runtime (placing the values) both derive the slots from the
 * same paths with {@link #positions}, so they agree.
 */
public final class ArgumentSlots {

    /** The most distinct arguments one rule may read. */
    public static final int MAX = 3;

    private ArgumentSlots() {
    }

    /**
     * The argument positions the rule reads, ascending; named parameters count once bound.
     *
     * @throws IllegalStateException when the rule reads more than {@value #MAX} distinct arguments
     */
    public static int[] positions(RuleCaptures captures) {
        TreeSet<Integer> positions = new TreeSet<>();
        for (PropertyPath path : argumentPaths(captures)) {
            if (path.argumentIndex() >= 0) {
                positions.add(path.argumentIndex());
            }
        }
        if (positions.size() > MAX) {
            throw new IllegalStateException("the captures read " + positions.size() + " different arguments "
                    + positions + "; at most " + MAX + " are supported");
        }
        int[] sorted = new int[positions.size()];
        int i = 0;
        for (int position : positions) {
            sorted[i++] = position;
        }
        return sorted;
    }

    /**
     * Whether every argument path knows its position: named parameters are bound when a method is
     * instrumented, and a rule variant keeps only paths that were.
     */
    public static boolean allBound(RuleCaptures captures) {
        for (PropertyPath path : argumentPaths(captures)) {
            if (path.argumentIndex() < 0) {
                return false;
            }
        }
        return true;
    }

    private static List<PropertyPath> argumentPaths(RuleCaptures captures) {
        List<PropertyPath> paths = new ArrayList<>();
        for (PropertyPath path : captures.callPaths().values()) {
            if (path.root() == PathRoot.ARGUMENT) {
                paths.add(path);
            }
        }
        return paths;
    }
}
