package io.genscope.agent.install;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.instrument.Instrumentation;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * Start-up once the agent jar is on the bootstrap class path: make sure this is the only
 * Genscope in the JVM, read the config and decide whether to run at all, then start the runtime
 * and instrument. Other failures are reported by the caller, {@code GenscopeAgent}.
 */
public final class AgentStartup {

    private static final Logger LOGGER = LoggerFactory.getLogger("io.genscope");

    private AgentStartup() {
    }

    /**
     * @param arguments the agent arguments ({@code config=...}), or {@code null}
     * @param attached  whether the agent was attached to a running JVM rather than started with it;
     *                  an attach leaves its outcome for the {@code attach} command ({@link AttachStatus})
     * @param agentJar  the agent's jar, or {@code null} when its classes come from directories
     */
    public static void start(String arguments, Instrumentation instrumentation, boolean attached, JarFile agentJar) {
        if (attached) {
            AttachStatus.record(() -> startHere(arguments, instrumentation, true, agentJar));
        } else {
            startHere(arguments, instrumentation, false, agentJar);
        }
    }

    private static AttachStatus.Outcome startHere(String arguments, Instrumentation instrumentation, boolean attached,
                                                  JarFile agentJar) {
        if (!OneAgentPerJvm.claim()) {
            alreadyRunning(attached);
            return AttachStatus.Outcome.ALREADY_RUNNING;
        }
        Optional<StartupConfig> config = Optional.empty();
        try {
            config = StartupConfig.read(arguments, agentJar);
        } catch (StrictModeRefusal refusal) {
            refuse(refusal, attached);
        } finally {
            if (config.isEmpty()) {
                OneAgentPerJvm.release();
            }
        }
        if (config.isEmpty()) {
            return AttachStatus.Outcome.DECLINED;
        }
        AgentInstaller.install(config.get(), instrumentation, attached, agentJar);
        return AttachStatus.Outcome.STARTED;
    }

    /**
     * A second Genscope in this JVM does nothing, so nothing is woven or counted twice.
     * This is the seam where an attach will reload the running Genscope's config instead.
     */
    private static void alreadyRunning(boolean attached) {
        LOGGER.warn("Genscope is already running in this JVM, so this {} does nothing and nothing is counted twice;"
                + " remove the extra agent", attached ? "attach" : "second -javaagent flag");
    }

    /**
     * Under {@code -javaagent} the JVM exits with status 1 and nothing more on stderr; attached,
     * the JVM runs on without Genscope.
     */
    private static void refuse(StrictModeRefusal refusal, boolean attached) {
        if (attached) {
            LOGGER.error(refusal.whenAttached());
            return;
        }
        LOGGER.error(refusal.atStart());
        System.exit(1);
    }
}
