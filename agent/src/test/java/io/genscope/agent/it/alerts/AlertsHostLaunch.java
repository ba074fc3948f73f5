package io.genscope.agent.it.alerts;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.SampleLaunch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * {@link AlertsHost} in a forked JVM with the agent and one alert: the generation failure rate of
 * rule {@code generate} over 5 minutes fires above 0.5 and recovers below 0.2, with at least 10
 * generations, evaluated every second. The test drives the rate with {@link #run}.
 */
final class AlertsHostLaunch implements AutoCloseable {

    static final String ALERT = "generation-failure-rate/generate";
    static final String CONFIG = """
            store:
              resolution: 5s
              window: 5m
              retention: 5m
            alerts:
              evaluation-period: 1s
              generation-failure-rate:
                fire-above: 0.5
                recover-below: 0.2
                window: 5m
                min-samples: 10
            rules:
              - name: generate
                role: generation
                class: fixture.alerts.FlakyGenerator
                method: generate
            """;
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ForkedJvm jvm;
    private final AtomicInteger commands = new AtomicInteger();

    private AlertsHostLaunch(ForkedJvm jvm) {
        this.jvm = jvm;
        jvm.awaitLine("ALERTS_HOST_READY", Duration.ofMinutes(1));
    }

    /** Starts the host with {@code jvmFlags} besides the agent's. */
    static AlertsHostLaunch start(Path directory, List<String> jvmFlags) throws Exception {
        List<String> flags = new ArrayList<>(jvmFlags);
        flags.add(SampleLaunch.agentFlag(Files.writeString(directory.resolve("genscope.yaml"), CONFIG)));
        return new AlertsHostLaunch(ForkedJvm.start(flags,
                List.of("-cp", SampleLaunch.TEST_CLASSES.toString(), AlertsHost.class.getName())));
    }

    /** Runs {@code count} generations that fail (or succeed) and waits until they are done. */
    void run(int count, boolean fail) throws Exception {
        String command = (fail ? "fail " : "succeed ") + count;
        jvm.send(command);
        jvm.awaitLine("DONE " + commands.incrementAndGet() + " " + command + " ", PATIENCE);
    }

    /** The host's stderr lines that hold {@code fragment}. */
    List<String> stderrWith(String fragment) {
        return jvm.stderr().stream().filter(line -> line.contains(fragment)).toList();
    }

    /** Waits for a stderr line holding {@code fragment}. */
    String awaitStderr(String fragment) {
        await().atMost(PATIENCE).until(() -> !stderrWith(fragment).isEmpty());
        return stderrWith(fragment).get(0);
    }

    @Override
    public void close() throws Exception {
        jvm.close();
    }
}
