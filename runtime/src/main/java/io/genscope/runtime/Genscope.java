package io.genscope.runtime;

import io.genscope.runtime.recording.NoopRecorder;
import io.genscope.runtime.recording.Recorder;

import javax.management.MBeanServer;
import java.util.function.Consumer;

/**
 * The one seam between instrumented code and Genscope: the static methods that inlined advice
 * calls. They start as no-ops and are switched to the real recorder at start-up through a
 * volatile holder, so a class instrumented before start-up, or a disabled agent, costs one
 * volatile read and an empty call.
 *
 * <p>Loaded by the bootstrap class loader so that generator classes in any class loader resolve
 * it. Never throws into the caller.
 */
public final class Genscope {

    private static volatile Recorder recorder = NoopRecorder.INSTANCE;
    private static volatile Consumer<MBeanServer> platformMBeanServerCreated = server -> { };

    private Genscope() {
    }

    /**
     * The calling thread's recording state, for the advice to pass to {@link #enter} and
     * {@link #exit} of the same call. Opaque; may be {@code null}.
     */
    public static Object scope() {
        return recorder.scope();
    }

    /**
     * An instrumented method of rule {@code rule} (a config rule's index, or a variant's: see
     * {@link GenscopeRuntime#variant}) is entered. The arguments the rule reads come in up to three slots (see
     * {@code ArgumentSlots}); unused slots are {@code null}. Allocates nothing.
     *
     * @param scope what {@link #scope()} returned just before, on this thread
     * @return the token to pass to {@link #exit}
     */
    public static long enter(int rule, Object scope, Object self, Object slot0, Object slot1, Object slot2) {
        return recorder.enterWithSlots(rule, scope, self, slot0, slot1, slot2);
    }

    /** The instrumented method returned {@code returned} or threw {@code thrown}; scope and arguments as on entry. */
    public static void exit(int rule, long token, Object scope, Object self, Object slot0, Object slot1, Object slot2,
                            Object returned, Throwable thrown) {
        recorder.exitWithSlots(rule, token, scope, self, slot0, slot1, slot2, returned, thrown);
    }

    /**
     * The platform MBean server has just been created, by the application, the JVM's own JMX
     * agent or a JConsole attaching: the moment to register Genscope's MBeans, without ever being
     * the one who creates the server.
     */
    public static void platformMBeanServerCreated(MBeanServer server) {
        try {
            platformMBeanServerCreated.accept(server);
        } catch (Throwable ignored) {
            // the hook logs its own failures; nothing may reach the caller
        }
    }

    /**
     * Switches the entry points to a recorder; {@code onPlatformMBeanServer} runs when the
     * platform MBean server is created.
     */
    public static void install(Recorder active, Consumer<MBeanServer> onPlatformMBeanServer) {
        platformMBeanServerCreated = onPlatformMBeanServer;
        recorder = active;
    }

    /** Back to no-ops, for tests that install several runtimes in one JVM. */
    public static void uninstall() {
        recorder = NoopRecorder.INSTANCE;
        platformMBeanServerCreated = server -> { };
    }
}
