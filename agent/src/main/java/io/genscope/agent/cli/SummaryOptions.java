package io.genscope.agent.cli;

import io.genscope.agent.config.Durations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code summary}: where the JVM is, which window, which format, and the
 * credentials for a remote JVM. The password itself is never an argument (it would show in
 * {@code ps} and the shell history): it comes from a file or a prompt.
 *
 * @param target       a local pid or {@code host:port} of a remote JMX agent
 * @param window       the window asked for, or empty for the Telemetry MBean's default window
 * @param json         whether to print the JSON document instead of the text
 * @param user         the JMX user for a remote JVM, or empty for none
 * @param passwordFile the file whose first line is the user's password, or empty to prompt
 */
record SummaryOptions(String target, Optional<Duration> window, boolean json, Optional<String> user,
                      Optional<Path> passwordFile) {

    static final String USAGE = "summary <pid|host:port> [--window 5m] [--json] [--user NAME [--password-file FILE]]:"
            + " prints the telemetry summary of a running JVM (text as report-on-exit, or JSON)";

    /** Whether the target names a local process rather than {@code host:port}. */
    boolean local() {
        return target.chars().allMatch(Character::isDigit);
    }

    static SummaryOptions parse(List<String> args) throws CommandFailure {
        String target = null;
        Duration window = null;
        boolean json = false;
        String user = null;
        Path passwordFile = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--json" -> json = true;
                case "--window" -> window = window(value(args, ++i, arg));
                case "--user" -> user = value(args, ++i, arg);
                case "--password-file" -> passwordFile = Path.of(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-") || target != null) {
                        throw CommandFailure.usage("unexpected argument '" + arg + "'; usage: " + USAGE);
                    }
                    target = arg;
                }
            }
        }
        SummaryOptions options = new SummaryOptions(checkedTarget(target), Optional.ofNullable(window), json,
                Optional.ofNullable(user), Optional.ofNullable(passwordFile));
        options.checkCredentials();
        return options;
    }

    private void checkCredentials() throws CommandFailure {
        if (local() && user.isPresent()) {
            throw CommandFailure.usage("--user is for a remote host:port; a local pid is reached as the user running"
                    + " this command");
        }
        if (passwordFile.isPresent() && user.isEmpty()) {
            throw CommandFailure.usage("--password-file needs --user");
        }
    }

    private static String checkedTarget(String target) throws CommandFailure {
        if (target == null) {
            throw CommandFailure.usage("no pid or host:port given; usage: " + USAGE);
        }
        if (!target.matches("\\d+") && !target.matches(".+:\\d+")) {
            throw CommandFailure.usage("'" + target + "' is neither a pid nor host:port; usage: " + USAGE);
        }
        return target;
    }

    private static String value(List<String> args, int index, String option) throws CommandFailure {
        if (index >= args.size()) {
            throw CommandFailure.usage(option + " needs a value; usage: " + USAGE);
        }
        return args.get(index);
    }

    /** A window of whole seconds, at least one: what {@code summaryForWindow} takes. */
    private static Duration window(String text) throws CommandFailure {
        Duration window = Durations.parse(text);
        if (window == null || window.isNegative() || window.toSeconds() < 1 || window.getNano() != 0) {
            throw CommandFailure.failed("bad window '" + text + "': a whole number of seconds, at least 1s, written as "
                    + Durations.FORMS);
        }
        return window;
    }
}
