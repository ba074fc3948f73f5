package io.genscope.agent;

import io.genscope.agent.install.AgentInstaller;
import io.genscope.agent.install.BootstrapInjector;
import io.genscope.agent.install.StartupConfig;
import io.genscope.agent.install.StrictModeRefusal;

import java.lang.instrument.Instrumentation;
import java.util.Optional;

/**
 * The {@code -javaagent} entry point. It only hands off, in three steps: read the config and
 * decide whether to run at all; put the runtime on the bootstrap class path (before any class
 * that refers to it is loaded); start the runtime and instrument. Nothing escapes to the host except a deliberate refusal under
 * {@code strict: true}; any other failure is one line on stderr and the application runs on
 * without Genscope.
 *
 * <pre>{@code java -javaagent:genscope-agent.jar=config=genscope.yaml -jar generator.jar}</pre>
 */
public final class GenscopeAgent {

    private GenscopeAgent() {
    }

    /** Called by the JVM before {@code main} when started with {@code -javaagent}. */
    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    /** Called when the agent is attached to a running JVM. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    private static void start(String arguments, Instrumentation instrumentation, boolean attached) {
        try {
            Optional<StartupConfig> config = StartupConfig.read(arguments);
            if (config.isPresent()) {
                BootstrapInjector.inject(instrumentation);
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
