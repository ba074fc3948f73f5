package io.genscope.agent.logging;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines the agent logs on one thread while a task runs, at INFO and above whatever the
 * config's {@code log-level}: what an attach leaves for the {@code attach} command to print, so
 * the operator sees in their shell what the agent said in the other JVM (its problems with
 * file:line, or why it declined) instead of having to find that JVM's stderr.
 *
 * <p>Bounded: at most {@value #MAX_LINES} lines are kept, then one line says how many more were
 * only printed. Confined to the thread that began it; other threads' lines (a metrics endpoint
 * starting on its own thread) are not part of it.
 */
public final class Transcript {

    /** The most lines kept; the config's problems, one a line, rarely come near. */
    static final int MAX_LINES = 100;

    private static final ThreadLocal<Transcript> CURRENT = new ThreadLocal<>();

    private final List<String> lines = new ArrayList<>();
    private int more;

    private Transcript() {
    }

    /** Starts keeping the lines this thread logs, until {@link #end()}. */
    public static Transcript begin() {
        Transcript transcript = new Transcript();
        CURRENT.set(transcript);
        return transcript;
    }

    /** Stops keeping lines; returns those kept, in order, and a last line for any left out. */
    public List<String> end() {
        CURRENT.remove();
        List<String> kept = new ArrayList<>(lines);
        if (more > 0) {
            kept.add("[genscope] INFO ... and " + more + " more line(s) on the JVM's stderr");
        }
        return kept;
    }

    /** Whether this thread keeps a transcript, so INFO lines are wanted even below the threshold. */
    static boolean active() {
        return CURRENT.get() != null;
    }

    /** Keeps {@code line} if this thread keeps a transcript. */
    static void record(String line) {
        Transcript transcript = CURRENT.get();
        if (transcript == null) {
            return;
        }
        if (transcript.lines.size() < MAX_LINES) {
            transcript.lines.add(line);
        } else {
            transcript.more++;
        }
    }
}
