package io.genscope.agent.config;

import java.util.Locale;

/**
 * A rule's {@code role} as written in the config file. The runtime has its own {@code Role}; this
 * copy exists because the config is read before the runtime is put on the bootstrap class path,
 * so that {@code enabled: false} or a broken file leaves the JVM entirely untouched.
 */
public enum RuleRole {
    GENERATION,
    VALIDATION,
    RETRY;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
