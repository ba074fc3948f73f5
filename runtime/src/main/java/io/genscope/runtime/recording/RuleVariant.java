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
    /**
     * Whether a generation of this variant has anything to read when it starts, and when it
     * ends: a rule that only times its calls skips the captures altogether.
     */
    final boolean readsAtEntry;
    final boolean readsAtExit;
    private Slots slots;

    RuleVariant(int rule, RuleDiagnostics diagnostics, RuleCaptures captures, boolean base) {
        this.rule = rule;
        this.diagnostics = diagnostics;
        this.captures = captures;
        this.base = base;
        this.role = diagnostics.rule().role();
        this.name = diagnostics.rule().name();
        this.readsAtEntry = reads(captures, false);
        this.readsAtExit = reads(captures, true);
    }

    /**
     * Whether a generation capture is read at that end of the call: at exit, those on the result
     * or exception, the code length and dependencies (read only then) and {@code success-when}.
     */
    private static boolean reads(RuleCaptures captures, boolean atExit) {
        RuleCaptures.BreakdownCaptures breakdowns = captures.breakdowns();
        boolean any = due(captures.projectId(), atExit) || due(captures.model(), atExit)
                || due(captures.functionName(), atExit) || due(captures.promptLength(), atExit)
                || due(breakdowns.variant(), atExit) || due(breakdowns.userId(), atExit)
                || due(breakdowns.promptCategory(), atExit);
        return atExit ? any || captures.codeLength() != null || captures.dependencies() != null
                || captures.successWhen() != null : any;
    }

    /** Whether {@code path} is there and read at that end of the call. */
    static boolean due(PropertyPath path, boolean atExit) {
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
