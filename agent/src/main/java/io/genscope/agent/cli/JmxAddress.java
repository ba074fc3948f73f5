package io.genscope.agent.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a command finds the JVM it talks to over JMX ({@link JmxTarget}): a local pid, or a
 * remote {@code host:port} with an optional user. The password itself is never an argument (it
 * would show in {@code ps} and the shell history): it comes from a file or a prompt.
 *
 * @param target       a local pid or {@code host:port} of a remote JMX agent
 * @param user         the JMX user for a remote JVM, or empty for none
 * @param passwordFile the file whose first line is the user's password, or empty to prompt
 */
record JmxAddress(String target, Optional<String> user, Optional<Path> passwordFile) {

    /** How the address is written on a command line, for a usage line. */
    static final String SYNOPSIS = "<pid|host:port> [--user NAME [--password-file FILE]]";

    /** Whether the target names a local process rather than {@code host:port}. */
    boolean local() {
        return target.chars().allMatch(Character::isDigit);
    }

    /** The value after an option, at {@code index}. */
    static String value(List<String> args, int index, String option, String usage) throws CommandFailure {
        if (index >= args.size()) {
            throw CommandFailure.usage(option + " needs a value; usage: " + usage);
        }
        return args.get(index);
    }

    /** Reads an address from a command's arguments, among the command's own options. */
    static final class Reader {

        private final String usage;
        private String target;
        private String user;
        private Path passwordFile;

        /** @param usage the command's usage line, quoted by every complaint */
        Reader(String usage) {
            this.usage = usage;
        }

        /**
         * Reads the argument at {@code index} if it is the address's: the target,
         * {@code --user} or {@code --password-file} with its value.
         *
         * @return the index of the last argument read, or -1 for an option that is not the address's
         */
        int read(List<String> args, int index) throws CommandFailure {
            String arg = args.get(index);
            switch (arg) {
                case "--user" -> user = value(args, index + 1, arg, usage);
                case "--password-file" -> passwordFile = Path.of(value(args, index + 1, arg, usage));
                default -> {
                    if (arg.startsWith("-")) {
                        return -1;
                    }
                    if (target != null) {
                        throw CommandFailure.usage("unexpected argument '" + arg + "'; usage: " + usage);
                    }
                    target = arg;
                    return index;
                }
            }
            return index + 1;
        }

        /** The address read, checked. */
        JmxAddress address() throws CommandFailure {
            if (target == null) {
                throw CommandFailure.usage("no pid or host:port given; usage: " + usage);
            }
            if (!target.matches("\\d+") && !target.matches(".+:\\d+")) {
                throw CommandFailure.usage("'" + target + "' is neither a pid nor host:port; usage: " + usage);
            }
            JmxAddress address = new JmxAddress(target, Optional.ofNullable(user), Optional.ofNullable(passwordFile));
            if (address.local() && user != null) {
                throw CommandFailure.usage("--user is for a remote host:port; a local pid is reached as the user"
                        + " running this command");
            }
            if (passwordFile != null && user == null) {
                throw CommandFailure.usage("--password-file needs --user");
            }
            return address;
        }
    }
}
