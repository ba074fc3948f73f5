package io.genscope.agent.cli;

import io.genscope.agent.config.Durations;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code summary}: where the JVM is, which window, which format.
 *
 * @param address where the JVM is, and the credentials for a remote one
 * @param window  the window asked for, or empty for the Telemetry MBean's default window
 * @param json    whether to print the JSON document instead of the text
 */
record SummaryOptions(JmxAddress address, Optional<Duration> window, boolean json) {

    static final String USAGE = "summary <pid|host:port> [--window 5m] [--json] [--user NAME [--password-file FILE]]:"
            + " prints the telemetry summary of a running JVM (text as report-on-exit, or JSON)";

    static SummaryOptions parse(List<String> args) throws CommandFailure {
        JmxAddress.Reader address = new JmxAddress.Reader(USAGE);
        Duration window = null;
        boolean json = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--json" -> json = true;
                case "--window" -> window = window(JmxAddress.value(args, ++i, arg, USAGE));
                default -> {
                    int read = address.read(args, i);
                    if (read < 0) {
                        throw CommandFailure.usage("unexpected argument '" + arg + "'; usage: " + USAGE);
                    }
                    i = read;
                }
            }
        }
        return new SummaryOptions(address.address(), Optional.ofNullable(window), json);
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
