package io.genscope.agent.install;

import io.genscope.agent.logging.Transcript;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What an attach came to, left in the attached JVM for the {@code attach} command to read: the
 * outcome and every line the agent logged while it started ({@link Transcript}). It is the one
 * channel that works whatever the outcome: a Genscope that declined registers no MBean, and its
 * lines went to the stderr of a JVM the operator may not see.
 *
 * <p>It is a system property, {@value #PROPERTY}, because the Attach API reads a JVM's system
 * properties with no other help from it ({@code VirtualMachine.getSystemProperties()}), and
 * {@code loadAgent} returns only once {@code agentmain} has returned, so the property is in place
 * by then. Each attach numbers its status one above the last, so the command tells its own status
 * from an earlier attach's by reading the number before it loads the agent.
 *
 * <p>Only an attach sets it: a JVM started with {@code -javaagent} never sees the property. It
 * holds what the JVM's stderr shows anyway (config paths, class and method names of the config,
 * never a host value), at most {@link Transcript}'s bound, and is replaced by the next attach.
 *
 * @param sequence which attach of this JVM this was, from 1
 * @param outcome  what the attach came to
 * @param version  the version of the Genscope that answered it (the one already running, if any)
 * @param lines    what the agent logged meanwhile, {@code [genscope] LEVEL message}
 */
public record AttachStatus(long sequence, Outcome outcome, String version, List<String> lines) {

    /** The system property of the attached JVM that holds the latest attach's status. */
    public static final String PROPERTY = "genscope.attach.status";

    private static final AtomicLong ATTACHES = new AtomicLong();

    /** What an attach came to. */
    public enum Outcome {
        /** Genscope started: the runtime runs, the MBeans are registered, loaded classes are woven. */
        STARTED,
        /** Genscope stayed out (no usable config, {@code enabled: false}, over budget, a strict refusal). */
        DECLINED,
        /** Genscope already ran in the JVM and answered the attach itself (its lines say how). */
        ALREADY_RUNNING,
        /** Start-up failed half way (the reason is the last line). */
        FAILED
    }

    /**
     * Runs {@code startup} on this thread, keeping its log lines, and leaves its outcome in
     * {@link #PROPERTY}. A failure is recorded, then thrown on.
     */
    static void record(Supplier<Outcome> startup) {
        long sequence = ATTACHES.incrementAndGet();
        Transcript transcript = Transcript.begin();
        Outcome outcome = Outcome.FAILED;
        String failure = null;
        try {
            outcome = startup.get();
        } catch (RuntimeException | Error e) {
            failure = "[genscope] ERROR the agent could not start (" + e + "); the application runs without Genscope";
            throw e;
        } finally {
            List<String> lines = new ArrayList<>(transcript.end());
            if (failure != null) {
                lines.add(failure);
            }
            leave(new AttachStatus(sequence, outcome, AgentInstaller.version(), lines));
        }
    }

    private static void leave(AttachStatus status) {
        try {
            System.setProperty(PROPERTY, status.text());
        } catch (SecurityException e) {
            // a security manager that forbids it: the command says the JVM reported nothing
        }
    }

    /** Whether Genscope runs in the JVM after this attach: it started, or was running already. */
    public boolean running() {
        return outcome == Outcome.STARTED || outcome == Outcome.ALREADY_RUNNING;
    }

    /** Whether the agent logged a warning or an error: a problem the operator must look at. */
    public boolean hasProblems() {
        return lines.stream().anyMatch(line -> line.startsWith("[genscope] WARN ")
                || line.startsWith("[genscope] ERROR "));
    }

    /** The property's text: {@code <sequence> <outcome> <version>}, then one line per logged line. */
    String text() {
        return sequence + " " + outcome + " " + version + (lines.isEmpty() ? "" : "\n" + String.join("\n", lines));
    }

    /** The status in {@code systemProperties} of an attached JVM, if any attach left one there. */
    public static Optional<AttachStatus> of(Properties systemProperties) {
        String text = systemProperties.getProperty(PROPERTY);
        if (text == null) {
            return Optional.empty();
        }
        String[] lines = text.split("\n", -1);
        String[] head = lines[0].split(" ", 3);
        try {
            return Optional.of(new AttachStatus(Long.parseLong(head[0]), Outcome.valueOf(head[1]), head[2],
                    List.of(Arrays.copyOfRange(lines, 1, lines.length))));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
