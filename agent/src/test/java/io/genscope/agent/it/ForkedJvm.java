package io.genscope.agent.it;

import org.awaitility.core.TerminalFailureException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real second JVM, started the way a user starts one ({@code java -javaagent:… -jar …}), whose
 * stdout and stderr are collected line by line. Close it to kill the process.
 */
public final class ForkedJvm implements AutoCloseable {

    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final Thread stdoutPump;
    private final Thread stderrPump;

    private ForkedJvm(Process process) {
        this.process = process;
        this.stdoutPump = pump(process.getInputStream(), stdout);
        this.stderrPump = pump(process.getErrorStream(), stderr);
    }

    /** Starts {@code java <jvmArgs> <mainArgs>} with the JDK running the tests. */
    public static ForkedJvm start(List<String> jvmArgs, List<String> mainArgs) throws IOException {
        return start(Path.of(System.getProperty("java.home")), jvmArgs, mainArgs);
    }

    /** Starts {@code java <jvmArgs> <mainArgs>} with the JDK at {@code javaHome}. */
    public static ForkedJvm start(Path javaHome, List<String> jvmArgs, List<String> mainArgs) throws IOException {
        return start(javaHome, jvmArgs, mainArgs, null);
    }

    /**
     * Starts {@code java <jvmArgs> <mainArgs>} with the JDK at {@code javaHome} in the working
     * directory {@code directory} (the tests' own when null).
     */
    public static ForkedJvm start(Path javaHome, List<String> jvmArgs, List<String> mainArgs, Path directory)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmArgs);
        command.addAll(mainArgs);
        return new ForkedJvm(new ProcessBuilder(command).directory(directory == null ? null : directory.toFile()).start());
    }

    /**
     * Waits for the first stdout line starting with {@code prefix}; if the JVM exits first, fails
     * with what it wrote to stderr (read to the end, so the reason it exited is in the message).
     */
    public String awaitLine(String prefix, Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .failFast("the JVM exited", () -> !process.isAlive()
                            && stdout.stream().noneMatch(line -> line.startsWith(prefix)))
                    .until(() -> stdout.stream().anyMatch(line -> line.startsWith(prefix)));
        } catch (TerminalFailureException exited) {
            readToTheEnd(stderrPump);
            throw new AssertionError("the JVM exited (status " + process.exitValue() + "); stderr:\n"
                    + String.join("\n", stderr), exited);
        }
        return stdout.stream().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow();
    }

    /** Waits for the JVM to exit on its own and for its output to be read to the end. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the JVM did not exit within " + timeout + "; stderr:\n" + String.join("\n", stderr));
        }
        stdoutPump.join();
        stderrPump.join();
        return process.exitValue();
    }

    private static void readToTheEnd(Thread pump) {
        try {
            pump.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes {@code line} to the JVM's standard input, for a host that takes commands there. */
    public void send(String line) throws IOException {
        OutputStream input = process.getOutputStream();
        input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        input.flush();
    }

    public long pid() {
        return process.pid();
    }

    public List<String> stdout() {
        return List.copyOf(stdout);
    }

    public List<String> stderr() {
        return List.copyOf(stderr);
    }

    public Optional<String> stderrLine(String fragment) {
        return stderr.stream().filter(line -> line.contains(fragment)).findFirst();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private static Thread pump(InputStream stream, List<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // the process was killed; what was read is kept
            }
        }, "forked-jvm-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
