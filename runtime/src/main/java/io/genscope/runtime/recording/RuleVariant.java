package io.genscope.runtime.recording;

import io.genscope.runtime.capture.ArgumentSlots;
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
    private Slots slots;

    RuleVariant(int rule, RuleDiagnostics diagnostics, RuleCaptures captures, boolean base) {
        this.rule = rule;
        this.diagnostics = diagnostics;
        this.captures = captures;
        this.base = base;
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
