package io.genscope.runtime;

import io.genscope.runtime.recording.NoopRecorder;
import io.genscope.runtime.recording.Recorder;

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
    private static volatile Runnable applicationStarted = () -> { };

    private Genscope() {
    }

    /**
     * An instrumented method of rule {@code rule} is entered. The arguments the rule reads come in up to three slots (see
     * {@code ArgumentSlots}); unused slots are {@code null}. Allocates nothing.
     *
     * @return the token to pass to {@link #exit}
     */
    public static long enter(int rule, Object self, Object slot0, Object slot1, Object slot2) {
        return recorder.enterWithSlots(rule, self, slot0, slot1, slot2);
    }

    /** The instrumented method returned {@code returned} or threw {@code thrown}; arguments as on entry. */
    public static void exit(int rule, long token, Object self, Object slot0, Object slot1, Object slot2,
                            Object returned, Throwable thrown) {
        recorder.exitWithSlots(rule, token, self, slot0, slot1, slot2, returned, thrown);
    }

    /** The application's {@code main} has begun: the moment it is safe to touch JMX. */
    public static void applicationStarted() {
        try {
            applicationStarted.run();
        } catch (Throwable ignored) {
            // the hook logs its own failures; nothing may reach the application's main
        }
    }

    /** Switches the entry points to a recorder; {@code onApplicationStart} runs at {@code main}. */
    public static void install(Recorder active, Runnable onApplicationStart) {
        applicationStarted = onApplicationStart;
        recorder = active;
    }

    /** Back to no-ops, for tests that install several runtimes in one JVM. */
    public static void uninstall() {
        recorder = NoopRecorder.INSTANCE;
        applicationStarted = () -> { };
    }
}
