package io.genscope.agent.install;

import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * Start-up once the agent jar is on the bootstrap class path: read the config and decide whether
 * to run at all, then start the runtime and instrument. Failures are reported by the caller,
 * {@code GenscopeAgent}, which lets only a {@link StrictModeRefusal} through.
 */
public final class AgentStartup {

    private AgentStartup() {
    }

    /**
     * @param arguments the agent arguments ({@code config=...}), or {@code null}
     * @param attached  whether the agent was attached to a running JVM rather than started with it
     * @param agentJar  the agent's jar, or {@code null} when its classes come from directories
     * @throws StrictModeRefusal when {@code strict: true} and the config has a problem
     */
    public static void start(String arguments, Instrumentation instrumentation, boolean attached, JarFile agentJar) {
        StartupConfig.read(arguments, agentJar)
                .ifPresent(config -> AgentInstaller.install(config, instrumentation, attached, agentJar));
    }
}
