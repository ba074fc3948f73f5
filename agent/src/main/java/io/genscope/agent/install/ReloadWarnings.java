package io.genscope.agent.install;

import io.genscope.runtime.RuntimeLog;

import java.util.ArrayList;
import java.util.List;

/**
 * The log of a reloaded config's weavings: every line goes to the runtime's journal, as any
 * other; the lines logged while the reload retransforms the loaded classes (a rule that matches
 * no method of its class, a capture that cannot work on a method) are also kept for the reload's
 * result, so the operator who reloaded sees them at once, not only in the JVM's log. At most
 * {@link #MAX} are kept; lines logged later, as classes load, go to the journal only.
 *
 * <p>Thread-safe: a class may load, and be woven, on another thread during the reload.
 */
final class ReloadWarnings implements RuntimeLog {

    /** Lines kept for one result at most. */
    static final int MAX = 50;

    private final RuntimeLog journal;
    /** Guarded by {@code this}; {@code null} once the reload is over. */
    private List<String> kept = new ArrayList<>();

    ReloadWarnings(RuntimeLog journal) {
        this.journal = journal;
    }

    @Override
    public void warn(String message) {
        journal.warn(message);
        keep(message);
    }

    @Override
    public void error(String message) {
        journal.error(message);
        keep(message);
    }

    @Override
    public void info(String message) {
        journal.info(message);
    }

    /** The lines kept so far; from now on lines go to the journal only. */
    synchronized List<String> end() {
        List<String> lines = kept == null ? List.of() : List.copyOf(kept);
        kept = null;
        return lines;
    }

    private synchronized void keep(String message) {
        if (kept != null && kept.size() < MAX) {
            kept.add(message);
        }
    }
}
