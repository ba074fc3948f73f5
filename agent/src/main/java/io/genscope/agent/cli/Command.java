package io.genscope.agent.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One command of the agent jar's command line ({@code java -jar genscope-agent.jar <command> ...}).
 * A command never calls {@code System.exit}: it returns its exit status, so the dispatcher can
 * exit and tests can run it in process as well as through the real {@code java -jar}.
 */
public interface Command {

    /** The word that selects the command: {@code check}, {@code summary}, ... */
    String name();

    /** One line for {@code help}: the command's arguments and what it does. */
    String usage();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @return the exit status: 0 for success, 1 when what was asked found problems or failed,
     *         2 for a command line that cannot be understood
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
