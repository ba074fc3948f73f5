package io.genscope.agent.it.fleet;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds Prometheus' own programs ({@code prometheus}, {@code promtool}) on the {@code PATH}. The
 * fleet tests need the real ones: {@code .ci/run} installs them (Debian package
 * {@code prometheus}), and a machine without them fails these tests with one line that says so,
 * rather than skipping them, so that a build cannot pass without having run them.
 */
final class PrometheusTools {

    /** The Prometheus configuration and rules that ship with Genscope; the tests run in the agent module. */
    static final Path DOCS = Path.of("..", "docs", "prometheus").toAbsolutePath().normalize();

    private PrometheusTools() {
    }

    static Path prometheus() {
        return find("prometheus");
    }

    static Path promtool() {
        return find("promtool");
    }

    private static Path find(String program) {
        Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(folder -> Path.of(folder, program))
                .filter(Files::isExecutable)
                .findFirst();
        return found.orElseThrow(() -> new AssertionError(program + " is not on the PATH: install Prometheus"
                + " (Debian: apt-get install prometheus, as .ci/run does) to run the fleet tests"));
    }
}
