package io.genscope.agent.cli;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Attaches to a local JVM by pid through the Attach API, turning each way it can fail into one
 * line that says what to do.
 *
 * <p><b>Note:</b> the attach handshake sends {@code SIGQUIT} to the process, whose default action
 * ends it (and a JVM started with {@code -Xrs} too). The JDK 17 client sends it to any pid; JDK 25's
 * checks first. So on Linux this class checks, as that client does, that the process catches
 * {@code SIGQUIT} (the {@code SigCgt} mask of {@code /proc/<pid>/status}) before attaching: a
 * mistyped pid must get an error, not a stopped database.
 */
final class LocalJvm {

    private static final Path PROC = Path.of("/proc");
    /** {@code SIGQUIT} is signal 3; bit n-1 of the mask stands for signal n. */
    private static final long SIGQUIT_BIT = 1L << 2;
    /** The line of {@code /proc/<pid>/status} with the mask of the signals the process catches. */
    private static final String CAUGHT = "SigCgt:";

    private LocalJvm() {
    }

    /**
     * @param failure makes the command's failure from the line, with the status the command gives a
     *                JVM it cannot reach
     */
    static VirtualMachine attach(String pid, Function<String, CommandFailure> failure) throws CommandFailure {
        if (ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
            throw failure.apply("no process with pid " + pid + " (jps lists the JVMs of this user)");
        }
        if (!catchesSigquit(pid)) {
            throw failure.apply("pid " + pid + " is not a JVM that accepts attach: it does not handle SIGQUIT, which"
                    + " the attach handshake sends and which would stop it, so it was left alone (jps lists the JVMs"
                    + " of this user; a JVM started with -Xrs cannot be attached to)");
        }
        try {
            return VirtualMachine.attach(pid);
        } catch (AttachNotSupportedException | IOException e) {
            throw failure.apply(why(pid, e));
        } catch (NoClassDefFoundError e) {
            throw failure.apply("attaching to a local pid needs a JDK (module jdk.attach); this is a JRE");
        }
    }

    /** Ends the attach session; a JVM gone meanwhile has nothing left to end. */
    static void detach(VirtualMachine vm) {
        try {
            vm.detach();
        } catch (IOException gone) {
            // the session is over either way
        }
    }

    private static String why(String pid, Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("does not support the attach mechanism")) {
            return "pid " + pid + " was started with -XX:+DisableAttachMechanism, so nothing can attach to it;"
                    + " restart it without that flag, or start Genscope with it (-javaagent)";
        }
        if (message.contains("No such process")) {
            return "no process with pid " + pid + " (it has just ended?)";
        }
        Optional<String> owner = ProcessHandle.of(Long.parseLong(pid)).flatMap(process -> process.info().user());
        String user = System.getProperty("user.name");
        if (owner.isPresent() && !owner.get().equals(user)) {
            return "cannot attach to pid " + pid + ", which runs as user " + owner.get() + ": run this command as"
                    + " that user (sudo -u " + owner.get() + " java -jar ...) [" + message + "]";
        }
        return "cannot attach to pid " + pid + " (not a HotSpot JVM, or one whose attach listener does not answer,"
                + " such as a JVM in another container with its own /tmp): " + message;
    }

    /** Whether the process handles {@code SIGQUIT}; true where {@code /proc} cannot tell (not Linux). */
    private static boolean catchesSigquit(String pid) {
        Path status = PROC.resolve(pid).resolve("status");
        if (!Files.isReadable(status)) {
            return true;
        }
        try {
            return Files.readAllLines(status).stream().filter(line -> line.startsWith(CAUGHT)).findFirst()
                    .map(line -> Long.parseUnsignedLong(line.substring(CAUGHT.length()).strip(), 16))
                    .map(caught -> (caught & SIGQUIT_BIT) != 0).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return true;
        }
    }
}
