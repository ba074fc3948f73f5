package io.genscope.agent.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The agent's only log output: one line per message on stderr, prefixed {@code [genscope]}.
 * It never goes through, or configures, the host's logging; the level is Genscope's own
 * ({@code log-level} in the config file, INFO until the file is read). Lines are also kept in the
 * {@link Transcript} of the thread that logs them, if it keeps one.
 *
 * <p>Thread-safe: {@link System#err} serialises lines.
 */
final class StderrLogger extends LegacyAbstractLogger {

    private static volatile Level threshold = Level.INFO;

    StderrLogger(String name) {
        this.name = name;
    }

    static void threshold(Level level) {
        threshold = level;
    }

    private static boolean printed(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    /** Printed, or wanted by the {@link Transcript} this thread keeps. */
    private static boolean enabled(Level level) {
        return printed(level) || level.toInt() >= Level.INFO.toInt() && Transcript.active();
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        String line = "[genscope] " + level + " " + message;
        if (throwable != null) {
            line += " (" + throwable + ")";
        }
        Transcript.record(line);
        if (!printed(level)) {
            return;
        }
        System.err.println(line);
        if (throwable != null && isDebugEnabled()) {
            throwable.printStackTrace();
        }
    }
}
