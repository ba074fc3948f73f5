package io.genscope.agent.cli;

import io.genscope.agent.install.AgentInstaller;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The agent jar run as a program ({@code java -jar genscope-agent.jar <command> ...}, the jar's
 * {@code Main-Class}): picks the command by its name and exits with its status. It never starts
 * the agent nor touches the bootstrap class path: that is {@code GenscopeAgent}'s job, and only
 * under {@code -javaagent} or attach.
 *
 * <p>Exit status: the command's own; 2 for a command line that cannot be understood (no command,
 * an unknown one), with the usage on stderr.
 */
public final class CommandLine {

    /** Every command, in the order {@code help} lists them: adding one is adding it here. */
    private static final List<Command> COMMANDS = List.of(
            new CheckCommand(),
            new SummaryCommand(),
            new AttachCommand(),
            new ReloadCommand());

    private static final String PROGRAM = "java -jar genscope-agent.jar";

    private CommandLine() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Runs the command line {@code args}; returns the exit status. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            help(err);
            return 2;
        }
        String name = args.get(0);
        if (name.equals("help") || name.equals("--help") || name.equals("-h")) {
            help(out);
            return 0;
        }
        if (name.equals("--version")) {
            out.println("Genscope " + AgentInstaller.version());
            return 0;
        }
        Optional<Command> command = COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
        if (command.isEmpty()) {
            err.println("unknown command '" + name + "'; usage: " + PROGRAM + " <"
                    + String.join("|", COMMANDS.stream().map(Command::name).toList()) + "|help|--version> ...");
            return 2;
        }
        return command.get().run(args.subList(1, args.size()), out, err);
    }

    private static void help(PrintStream out) {
        out.println("usage: " + PROGRAM + " <command> [arguments]");
        COMMANDS.forEach(command -> out.println("  " + PROGRAM + " " + command.usage()));
        out.println("  " + PROGRAM + " help: prints this list");
        out.println("  " + PROGRAM + " --version: prints the agent's version");
    }
}
