package io.genscope.runtime.diagnostics;

import io.genscope.runtime.store.ThreadCallCounts;

/**
 * A rule's call count as the Diagnostics MBean shows it: the calls its recording threads counted
 * in its slot of a {@link ThreadCallCounts}, less those before the last {@link #reset()}. The
 * threads' counts only grow, so a reset keeps the sum it had as the new zero.
 *
 * <p>Thread-safe: bound once by the recorder (again, the same, when a reload redefines the rule),
 * read and reset under its lock.
 */
final class CallTally {

    private ThreadCallCounts counts;
    private int slot;
    private long base;

    synchronized void bind(ThreadCallCounts counts, int slot) {
        if (this.counts != counts || this.slot != slot) {
            this.counts = counts;
            this.slot = slot;
            this.base = 0;
        }
    }

    synchronized long count() {
        return counts == null ? 0 : counts.sum(slot) - base;
    }

    synchronized void reset() {
        base = counts == null ? 0 : counts.sum(slot);
    }
}
