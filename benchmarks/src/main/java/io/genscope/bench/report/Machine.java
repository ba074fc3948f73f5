package io.genscope.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The "machine" line under the table: CPU model, cores, JDK and OS of the JVM that printed it,
 * and the load average at the end of the run (a busy machine makes every figure worse).
 */
final class Machine {

    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    private Machine() {
    }

    static String describe() {
        return cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + loadAverage();
    }

    /** {@code ; load average 1/5/15 min: 0.52 0.61 0.70} where Linux reports it, else nothing. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(LOAD_AVERAGE).strip().split(" ");
            return "; load average 1/5/15 min at the end: " + fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The model name Linux reports, else the architecture. */
    private static String cpu() {
        try (Stream<String> lines = Files.lines(CPU_INFO)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
