package io.genscope.agent.logging;

import io.genscope.agent.config.LogLevel;
import org.slf4j.event.Level;

/** Sets the agent's log threshold from the config file's {@code log-level}. */
public final class AgentLogging {

    private AgentLogging() {
    }

    public static void threshold(LogLevel level) {
        StderrLogger.threshold(Level.valueOf(level.name()));
    }
}
