package io.genscope.agent.cli;

import io.genscope.agent.config.ConfigLocator;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The command line of {@code attach}: the pid, and the agent arguments to hand to the agent, as
 * {@code -javaagent:genscope-agent.jar=<arguments>} would. Every mistake is turned away here,
 * before anything touches the JVM: a key the agent does not take, a key given twice, a value
 * with a comma (the agent splits its arguments at commas, so it would receive half the value).
 * A relative {@code config} path is made absolute against this command's working directory: the
 * attached JVM would resolve it against its own, which is rarely the operator's.
 *
 * @param pid       the JVM's process id
 * @param arguments key to value, in the order given, {@code config} absolute
 */
record AttachOptions(String pid, Map<String, String> arguments) {

    static final String USAGE = "attach <pid> [config=<genscope.yaml>]: loads Genscope into the running JVM <pid>"
            + " and prints what it instrumented or why it did not start; exit 0 when it started without problems,"
            + " 1 when it did not start or reported problems, 2 when the JVM cannot be reached";

    static AttachOptions parse(List<String> args) throws CommandFailure {
        if (args.isEmpty() || !args.get(0).matches("\\d{1,18}")) {
            throw CommandFailure.usage((args.isEmpty() ? "no pid given" : "'" + args.get(0) + "' is not a pid")
                    + "; usage: " + USAGE);
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String pair : args.subList(1, args.size())) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw CommandFailure.usage("'" + pair + "' is not key=value; usage: " + USAGE);
            }
            String key = pair.substring(0, equals);
            Optional<String> unknown = ConfigLocator.unknownArgument(key);
            if (unknown.isPresent()) {
                throw CommandFailure.usage(unknown.get() + "; usage: " + USAGE);
            }
            if (arguments.containsKey(key)) {
                throw CommandFailure.usage(key + " is given twice; usage: " + USAGE);
            }
            arguments.put(key, value(key, pair.substring(equals + 1)));
        }
        return new AttachOptions(args.get(0), arguments);
    }

    /** The agent argument string, {@code key=value,...}, or {@code null} for none (as {@code loadAgent} takes it). */
    String agentArguments() {
        return arguments.isEmpty() ? null : arguments.entrySet().stream()
                .map(argument -> argument.getKey() + "=" + argument.getValue()).collect(Collectors.joining(","));
    }

    private static String value(String key, String value) throws CommandFailure {
        if (value.isBlank()) {
            throw CommandFailure.usage(key + " needs a value; usage: " + USAGE);
        }
        if (!key.equals(ConfigLocator.CONFIG_ARGUMENT)) {
            return checked(key, value);
        }
        try {
            return checked(key, Path.of(value).toAbsolutePath().normalize().toString());
        } catch (InvalidPathException e) {
            throw CommandFailure.usage("'" + value + "' is not a valid path: " + e.getReason());
        }
    }

    private static String checked(String key, String value) throws CommandFailure {
        if (value.contains(",")) {
            throw CommandFailure.usage(key + "=" + value + " contains a comma, which separates agent arguments;"
                    + " rename the file or name it through a symbolic link without one");
        }
        return value;
    }
}
