package io.genscope.runtime.diagnostics;

import io.genscope.runtime.RuntimeLog;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The agent's own errors and warnings, kept so the Diagnostics MBean can show them: the last
 * {@value #KEPT} lines and a count of all. Wraps the log that prints them, so nothing is
 * reported in one place and missing from the other.
 *
 * <p>Thread-safe. Recording takes a short lock; it happens on error paths only, never per call.
 */
public final class ErrorJournal implements RuntimeLog {

    static final int KEPT = 50;

    private final RuntimeLog delegate;
    private final ArrayDeque<String> recent = new ArrayDeque<>();
    private final LongAdder errors = new LongAdder();
    private final LongAdder warnings = new LongAdder();

    public ErrorJournal(RuntimeLog delegate) {
        this.delegate = delegate;
    }

    @Override
    public void warn(String message) {
        warnings.increment();
        keep("WARN " + message);
        delegate.warn(message);
    }

    @Override
    public void error(String message) {
        errors.increment();
        keep("ERROR " + message);
        delegate.error(message);
    }

    /** Passed on and not kept: the journal keeps problems. */
    @Override
    public void info(String message) {
        delegate.info(message);
    }

    /** The latest lines, oldest first. */
    public synchronized List<String> recent() {
        return List.copyOf(recent);
    }

    public long errorCount() {
        return errors.sum();
    }

    public long warningCount() {
        return warnings.sum();
    }

    private synchronized void keep(String line) {
        if (recent.size() == KEPT) {
            recent.removeFirst();
        }
        recent.addLast(line);
    }
}
