package io.genscope.agent.install;

import io.genscope.agent.config.ConfigLocator;
import io.genscope.agent.config.ConfigProblem;
import io.genscope.agent.logging.AgentLogging;
import org.slf4j.Logger;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;

/**
 * Start-up once the agent jar is on the bootstrap class path: make sure this is the only
 * Genscope in the JVM, read the config and decide whether to run at all, then start the runtime
 * and instrument. Other failures are reported by the caller, {@code GenscopeAgent}.
 */
public final class AgentStartup {

    private static final Logger LOGGER = AgentLogging.logger();

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
            alreadyRunning(arguments, attached);
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
     * A second Genscope in this JVM never starts, so nothing is woven or counted twice. An attach
     * reloads the running Genscope's config instead: from the file the attach names with
     * {@code config=}, or else the one in use. Its result goes to the JVM's log (stderr), and the
     * Diagnostics MBean shows the config's new version. A second {@code -javaagent} flag is a
     * mistake in the command line, and says so.
     */
    private static void alreadyRunning(String arguments, boolean attached) {
        Optional<ConfigReload> running = ConfigReload.running();
        if (!attached || running.isEmpty()) {
            LOGGER.warn("Genscope is already running in this JVM, so this {} does nothing and nothing is counted twice;"
                    + " remove the extra agent", attached ? "attach (made while it was starting)" : "second -javaagent flag");
            return;
        }
        if (arguments == null || arguments.isBlank()) {
            running.get().reload();
            return;
        }
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<Path> named = ConfigLocator.locate(arguments, new Properties(), Map.of(), problems::add);
        if (named.isEmpty()) {
            problems.forEach(problem -> LOGGER.warn("attach to a running Genscope: {}; nothing reloaded",
                    problem.describe()));
            return;
        }
        running.get().reload(named.get());
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
