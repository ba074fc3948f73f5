package io.genscope.bench.measure;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;

/**
 * Runs another program's {@code main} and, when the JVM exits, prints the CPU time the whole
 * process used ({@code process.cpu.ms=<n>}, user + system over all threads, as the OS counts it),
 * for {@link WallTime} to collect. CPU rather than wall time, because what an agent costs a host
 * that loads thousands of classes (class-file parsing, JIT) shows on every core, not only on the
 * critical path.
 *
 * <pre>
 * java -javaagent:… -cp sample-generator/target/sample-generator.jar:benchmarks/target/benchmarks.jar \
 *      io.genscope.bench.measure.CpuOnExit com.example.codegen.SampleApp --requests 6
 * </pre>
 */
public final class CpuOnExit {

    private CpuOnExit() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 1) {
            System.err.println("usage: CpuOnExit <main class> [args...]");
            System.exit(2);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("process.cpu.ms="
                + ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L))));
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
