package io.genscope.runtime;

import io.genscope.runtime.recording.NoopRecorder;
import io.genscope.runtime.recording.Recorder;
import jdk.internal.vm.annotation.DontInline;

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
 *
 * <p><b>Note:</b> what the advice adds to an instrumented method's frame is paid once per level
 * by a recursive generator, so it is kept to the token alone. The entry points are
 * {@link DontInline} (HotSpot honours it for classes of the boot class path): inlined, the whole
 * recording path became part of the instrumented method's compiled frame, 192 bytes per level
 * of a minimal recursion where the method itself needs 16, and a recursion overflowed a 1 MB
 * stack 11 times sooner than without the agent. Called, what they use of the stack is given
 * back before the method's body runs. They find the thread's state themselves (a thread-local
 * lookup each) rather than have the advice keep it in a local across the body, and they take
 * at most six arguments where they can, all passed in registers.
 */
public final class Genscope {

    private static volatile Recorder recorder = NoopRecorder.INSTANCE;
    private static final Consumer<MBeanServer> NO_HOOK = new Consumer<>() {
        @Override
        public void accept(MBeanServer server) {
            // no runtime yet, or none any more
        }
    };
    private static volatile Consumer<MBeanServer> platformMBeanServerCreated = NO_HOOK;

    private Genscope() {
    }

    /**
     * An instrumented method of rule {@code rule} (a config rule's index, or a variant's: see
     * {@link GenscopeRuntime#variant}) is entered. The arguments the rule reads come in up to three slots (see
     * {@code ArgumentSlots}); unused slots are {@code null}. Allocates nothing.
     *
     * @return the token to pass to {@link #exit}
     */
    @DontInline
    public static long enter(int rule, Object self, Object slot0, Object slot1, Object slot2) {
        return recorder.enterWithSlots(rule, self, slot0, slot1, slot2);
    }

    /**
     * The instrumented method returned {@code returned} or threw {@code thrown}, for a rule that
     * reads neither the receiver nor the arguments when the call ends, so the instrumented method
     * need not keep them alive across its body.
     */
    @DontInline
    public static void exit(int rule, long token, Object returned, Throwable thrown) {
        recorder.exitWithSlots(rule, token, null, null, null, null, returned, thrown);
    }

    /**
     * The instrumented method returned {@code returned} or threw {@code thrown}, for a rule that
     * reads the receiver or arguments when the call ends; arguments as on entry.
     */
    @DontInline
    public static void exit(int rule, long token, Object self, Object slot0, Object slot1, Object slot2,
                            Object returned, Throwable thrown) {
        recorder.exitWithSlots(rule, token, self, slot0, slot1, slot2, returned, thrown);
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
        platformMBeanServerCreated = NO_HOOK;
    }
}
