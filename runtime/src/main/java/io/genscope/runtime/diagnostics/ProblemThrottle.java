package io.genscope.runtime.diagnostics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Decides which of one rule's run-time problems reach the log, so that a problem on a method
 * called a million times is one line, not a million: the first problem of each kind (a capture
 * field, a stage of the recorder) is logged; after that, at most one reminder line a minute for
 * the whole rule, saying how many problems there were since its last line. The caller counts
 * every problem (Diagnostics MBean) whether it is logged or not.
 *
 * <p>Thread-safe, lock-free. The kinds are a rule's capture fields and the recorder's stages, a
 * small fixed set. Time comes from the caller (the store's injected clock), so tests need not
 * sleep.
 */
public final class ProblemThrottle {

    /** {@link #admit}: log the problem, the first of its kind. */
    public static final long FIRST = -1;
    /** {@link #admit}: count the problem only. */
    public static final long SILENT = 0;
    /** The least time between two reminder lines of one rule. */
    public static final long REMINDER_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Set<String> loggedKinds = ConcurrentHashMap.newKeySet();
    private final LongAdder sinceLastLine = new LongAdder();
    private final AtomicLong lastLineNanos = new AtomicLong();

    /**
     * What to do with a problem of {@code kind} happening at {@code nowNanos} (monotonic):
     * {@link #FIRST}, {@link #SILENT}, or a positive number: log a reminder for that many
     * problems since the rule's last line, this one included.
     */
    public long admit(String kind, long nowNanos) {
        if (!loggedKinds.contains(kind) && loggedKinds.add(kind)) {
            lastLineNanos.set(nowNanos);
            return FIRST;
        }
        sinceLastLine.increment();
        long last = lastLineNanos.get();
        if (nowNanos - last >= REMINDER_INTERVAL_NANOS && lastLineNanos.compareAndSet(last, nowNanos)) {
            return Math.max(1, sinceLastLine.sumThenReset());
        }
        return SILENT;
    }

    /** Forgets what was logged: the next problem of each kind is logged again. */
    public void reset() {
        loggedKinds.clear();
        sinceLastLine.reset();
    }

    /** The reminder line for {@code problems} problems of {@code rule} since its last line. */
    public static String reminder(String rule, long problems, String latest) {
        return "rule '" + rule + "': " + problems + " more problem(s) since its last line (latest: " + latest
                + "); each is counted in the Diagnostics MBean (Rules), and this reminder comes at most once a minute";
    }
}
