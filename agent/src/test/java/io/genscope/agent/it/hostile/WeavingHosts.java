package io.genscope.agent.it.hostile;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.hostile.hosts.WeavingHost;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the weaving hosts ({@link WeavingHost} and others) in a forked JVM and picks their output apart. */
final class WeavingHosts {

    private static final Duration RUN_TIME = Duration.ofMinutes(2);

    private WeavingHosts() {
    }

    /** {@link WeavingHost}'s stdout, then its stderr, after it exited with status 0. */
    static List<String> run(List<String> jvmArgs) throws Exception {
        return run(jvmArgs, List.of("-cp", SampleLaunch.TEST_CLASSES.toString(), WeavingHost.class.getName()));
    }

    /** A host's stdout, then its stderr, after it exited with status 0. */
    static List<String> run(List<String> jvmArgs, List<String> mainArgs) throws Exception {
        try (ForkedJvm jvm = ForkedJvm.start(jvmArgs, mainArgs)) {
            assertThat(jvm.awaitExit(RUN_TIME)).as("exit status; stderr: %s", jvm.stderr()).isZero();
            List<String> lines = new ArrayList<>(jvm.stdout());
            lines.addAll(jvm.stderr());
            return lines;
        }
    }

    /** The host's own output: the same with or without the agent. */
    static List<String> hostLines(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("host ")).toList();
    }

    /** The value of {@code name=} on the line starting with {@code prefix}: up to the next space, or a {...} map. */
    static String field(List<String> lines, String prefix, String name) {
        String line = lines.stream().filter(l -> l.startsWith(prefix + " ") && l.contains(" " + name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no '" + prefix + " ... " + name + "=' in " + lines));
        int start = line.indexOf(" " + name + "=") + name.length() + 2;
        int end = line.charAt(start) == '{' ? line.indexOf('}', start) + 1 : line.indexOf(' ', start);
        return line.substring(start, end < 0 ? line.length() : end);
    }

    /** The lines that contain all of {@code fragments}. */
    static List<String> linesWith(List<String> lines, String... fragments) {
        return lines.stream().filter(line -> List.of(fragments).stream().allMatch(line::contains)).toList();
    }
}
