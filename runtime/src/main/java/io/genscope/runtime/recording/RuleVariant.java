package io.genscope.runtime.recording;

import io.genscope.runtime.Role;
import io.genscope.runtime.capture.ArgumentSlots;
import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.rule.RuleCaptures;

/**
 * What the advice's rule index stands for: a config rule, or a variant of it without the
 * captures that cannot work on the methods woven with it. A variant records under its base
 * rule's index and counts into its base rule's diagnostics, so every figure still adds up per
 * rule name; only what is read from a call differs.
 *
 * <p>Thread-safe: immutable but for the argument positions, computed on first use and published
 * through a final-field holder (a race computes the same positions twice).
 */
final class RuleVariant {

    /** The base rule's index: what the store counts under. */
    final int rule;
    /** The base rule's diagnostics, shared by all its variants. */
    final RuleDiagnostics diagnostics;
    /** What this variant reads from a call. */
    final RuleCaptures captures;
    /** Whether this is a rule with all its captures, of which variants may be made. */
    final boolean base;
    /**
     * The base rule's role and name, copied here from its definition: the recorder reads them on
     * every call, and one field load is cheaper than the chain through the diagnostics.
     */
    final Role role;
    final String name;
    /** The generation captures, as bits of {@link #readAtEntry} and {@link #readAtExit}. */
    static final int PROJECT_ID = 1;
    static final int MODEL = 1 << 1;
    static final int FUNCTION_NAME = 1 << 2;
    static final int PROMPT_LENGTH = 1 << 3;
    /** Read at exit only, and only when the call returned. */
    static final int CODE_LENGTH = 1 << 4;
    static final int DEPENDENCIES = 1 << 5;
    static final int SUCCESS_WHEN = 1 << 6;
    /** The breakdown captures, read by a method of their own. */
    static final int VARIANT = 1 << 7;
    static final int USER_ID = 1 << 8;
    static final int PROMPT_CATEGORY = 1 << 9;
    static final int BREAKDOWNS = VARIANT | USER_ID | PROMPT_CATEGORY;
    /** What is read at exit only when the call returned. */
    static final int ON_RETURN = CODE_LENGTH | DEPENDENCIES | SUCCESS_WHEN;

    /**
     * The generation captures a call of this variant reads when it starts, and when it ends
     * (bits above, worked out once here rather than path by path on every call): a rule that only
     * times its calls has none and skips the captures altogether.
     */
    final int readAtEntry;
    final int readAtExit;
    private Slots slots;

    RuleVariant(int rule, RuleDiagnostics diagnostics, RuleCaptures captures, boolean base) {
        this.rule = rule;
        this.diagnostics = diagnostics;
        this.captures = captures;
        this.base = base;
        this.role = diagnostics.rule().role();
        this.name = diagnostics.rule().name();
        this.readAtEntry = reads(captures, false);
        this.readAtExit = reads(captures, true);
    }

    /**
     * The generation captures read at that end of the call: at exit, those on the result or
     * exception, the code length and dependencies (read only then) and {@code success-when}.
     */
    private static int reads(RuleCaptures captures, boolean atExit) {
        RuleCaptures.BreakdownCaptures breakdowns = captures.breakdowns();
        int due = (due(captures.projectId(), atExit) ? PROJECT_ID : 0)
                | (due(captures.model(), atExit) ? MODEL : 0)
                | (due(captures.functionName(), atExit) ? FUNCTION_NAME : 0)
                | (due(captures.promptLength(), atExit) ? PROMPT_LENGTH : 0)
                | (due(breakdowns.variant(), atExit) ? VARIANT : 0)
                | (due(breakdowns.userId(), atExit) ? USER_ID : 0)
                | (due(breakdowns.promptCategory(), atExit) ? PROMPT_CATEGORY : 0);
        if (!atExit) {
            return due;
        }
        return due | (captures.codeLength() != null ? CODE_LENGTH : 0)
                | (captures.dependencies() != null ? DEPENDENCIES : 0)
                | (captures.successWhen() != null ? SUCCESS_WHEN : 0);
    }

    /** Whether {@code path} is there and read at that end of the call. */
    private static boolean due(PropertyPath path, boolean atExit) {
        return path != null && path.root().availableOnlyAtExit() == atExit;
    }

    /** The argument positions of the advice's slots (see {@link ArgumentSlots}); fixed once all are bound. */
    int[] positions() {
        Slots cached = slots;
        if (cached == null) {
            cached = new Slots(ArgumentSlots.positions(captures));
            if (ArgumentSlots.allBound(captures)) {
                slots = cached;
            }
        }
        return cached.positions();
    }

    /** Final-field holder, so a cached array is seen fully filled by every thread. */
    private record Slots(int[] positions) {
    }
}
