package io.genscope.agent.logging;

import io.genscope.agent.config.LogLevel;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * The agent's logger and its threshold (the config file's {@code log-level}).
 *
 * <p>The agent's classes take their logger here rather than from SLF4J's {@code LoggerFactory}:
 * the factory's first call looks its provider up through {@code ServiceLoader}, which opens the
 * agent jar's {@code META-INF/services} entry through a URL connection and loads about 60 classes
 * (SLF4J's substitute factory and queues, the JDK's jar URL handlers): about 8 ms of every start.
 * The provider stays registered for anything that does ask the factory, and hands out this same
 * logger.
 */
public final class AgentLogging {

    private static final StderrLogger LOGGER = new StderrLogger("io.genscope");

    private AgentLogging() {
    }

    /** The logger every message of the agent goes through: one line on stderr, {@code [genscope] LEVEL ...}. */
    public static Logger logger() {
        return LOGGER;
    }

    public static void threshold(LogLevel level) {
        StderrLogger.threshold(Level.valueOf(level.name()));
    }
}
