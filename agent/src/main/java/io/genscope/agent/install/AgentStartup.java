package io.genscope.agent.install;

import java.lang.instrument.Instrumentation;
import java.util.Optional;

/**
 * Start-up once the agent jar is on the bootstrap class path: read the config and decide whether
 * to run at all, then start the runtime and instrument. Nothing escapes to the host except a
 * deliberate refusal under {@code strict: true}; any other failure is one line on stderr and the
 * application runs on without Genscope.
 */
public final class AgentStartup {

    private AgentStartup() {
    }

    /**
     * @param arguments the agent arguments ({@code config=...}), or {@code null}
     * @param attached  whether the agent was attached to a running JVM rather than started with it
     * @throws StrictModeRefusal when {@code strict: true} and the config has a problem
     */
    public static void start(String arguments, Instrumentation instrumentation, boolean attached) {
        try {
            Optional<StartupConfig> config = StartupConfig.read(arguments);
            if (config.isPresent()) {
                AgentInstaller.install(config.get(), instrumentation, attached);
            }
        } catch (StrictModeRefusal refusal) {
            throw refusal;
        } catch (Throwable failure) {
            System.err.println("[genscope] ERROR the agent could not start (" + failure
                    + "); the application runs without Genscope");
        }
    }
}
