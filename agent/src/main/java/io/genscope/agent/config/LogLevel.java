package io.genscope.agent.config;

import java.util.Locale;

/** How much the agent itself logs, from least to most: {@code log-level} in the config file. */
public enum LogLevel {
    /** Only failures that stop the agent or a rule from working. */
    ERROR,
    /** Also config problems and instrumentation that could not be applied. */
    WARN,
    /** Also start-up and which classes were instrumented. */
    INFO,
    /** Also every matcher decision; meant for finding out why a method is not intercepted. */
    DEBUG;

    /** The spelling used in config files. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
