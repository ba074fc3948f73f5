package io.genscope.agent;

import io.genscope.agent.install.AgentStartup;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.jar.JarFile;

/**
 * The {@code -javaagent} entry point. The JVM loads it with the system class loader; its one job
 * is to put its own jar on the bootstrap class path before any other Genscope class loads, then
 * hand off to {@link AgentStartup}. Two things follow from that:
 * <ul>
 *   <li>the runtime, which inlined advice calls from classes of any class loader (system, a
 *       plugin {@code URLClassLoader}, a child-first loader), resolves everywhere, always as
 *       the same classes, even when the application carries a copy of its own;</li>
 *   <li>the agent's own classes, shaded Byte Buddy and the YAML parser among them, load as boot
 *       classes, which the JVM does not verify: about a quarter of the agent's start-up cost.</li>
 * </ul>
 *
 * <pre>{@code java -javaagent:genscope-agent.jar=config=genscope.yaml -jar generator.jar}</pre>
 *
 * <p><b>Note:</b> this class must name no other Genscope class except in the hand-off call, which
 * resolves only after the jar is on the bootstrap class path; anything it named earlier would
 * load a second, system-loader copy.
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

    /**
     * Hands off once the jar is on the bootstrap class path. Nothing escapes to the host: a failure
     * is one line on stderr and the application runs on without Genscope. (A refusal under
     * {@code strict: true} does not throw either: {@link AgentStartup} ends the JVM with status 1,
     * since a throwing {@code premain} makes the JVM abort with a stack trace and a core dump.)
     */
    private static void start(String arguments, Instrumentation instrumentation, boolean attached) {
        JarFile jar = null;
        try {
            Path location = ownJar();
            if (location != null) {
                jar = new JarFile(location.toFile());
                if (!onBootstrapPath()) {
                    instrumentation.appendToBootstrapClassLoaderSearch(jar);
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException failure) {
            System.err.println("[genscope] ERROR the agent jar could not be put on the bootstrap class path ("
                    + failure + "); the application runs without Genscope");
            return;
        }
        try {
            AgentStartup.start(arguments, instrumentation, attached, jar);
        } catch (Throwable failure) {
            System.err.println("[genscope] ERROR the agent could not start (" + failure
                    + "); the application runs without Genscope");
        }
    }

    /**
     * Whether a Genscope jar is on the bootstrap class path already: this is a second agent in the
     * JVM (which start-up then turns away), so a second append would only add a jar the boot
     * loader never reads. Asks for a resource, which loads no class.
     */
    private static boolean onBootstrapPath() {
        return ClassLoader.getPlatformClassLoader().getResource(
                GenscopeAgent.class.getName().replace('.', '/') + ".class") != null;
    }

    /**
     * The jar this class came from, or {@code null} when this class is a boot class already or
     * comes from a directory: a development layout (the in-process tests) whose classes are all on
     * the class path.
     */
    private static Path ownJar() throws URISyntaxException {
        CodeSource source = GenscopeAgent.class.getProtectionDomain().getCodeSource();
        Path location = source == null ? null : Path.of(source.getLocation().toURI());
        return location != null && Files.isRegularFile(location) ? location : null;
    }
}
