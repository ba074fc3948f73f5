package io.genscope.agent.it.fleet;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.FreePort;
import io.genscope.agent.it.GroundTruth;
import io.genscope.agent.it.SampleLaunch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One JVM of the fleet: the sample generator under the real agent jar with the metrics endpoint on
 * a port of its own, which it keeps across a restart (so Prometheus sees the same target, and its
 * counters start again from zero). Each run sends {@link #REQUESTS} requests and pauses after
 * {@link #WARM_UP} of them ({@code --pause-after}) until {@link #resume()}, timing each call
 * ({@code --times}); it stays alive after
 * the run ({@code --keep-running}) until closed or restarted.
 */
final class FleetMember implements AutoCloseable {

    static final int REQUESTS = 30;
    static final int WARM_UP = 10;
    /** Generous: a run takes seconds, three at once on a small machine several times that. */
    private static final Duration RUN_TIME = Duration.ofMinutes(3);
    /**
     * Four JVMs share a small CI machine: the C1 compiler alone and the serial collector halve the
     * CPU time a short run takes (2.4 s of CPU instead of 5.7 s for a run, measured with
     * {@code time}), which changes nothing the agent records but how long the calls take.
     */
    private static final List<String> LEAN_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final long seed;
    private final int port;
    private final Path config;
    private ForkedJvm jvm;

    private FleetMember(long seed, int port, Path config) {
        this.seed = seed;
        this.port = port;
        this.config = config;
    }

    /** Starts the sample with {@code seed}, its config (the sample's own plus the metrics port) in {@code directory}. */
    static FleetMember start(Path directory, long seed) throws IOException {
        int port = FreePort.find();
        Path config = Files.writeString(directory.resolve("genscope-seed-" + seed + ".yaml"),
                Files.readString(SampleLaunch.SAMPLE_CONFIG) + "\nmetrics:\n  port: " + port + "\n");
        FleetMember member = new FleetMember(seed, port, config);
        member.launch();
        return member;
    }

    /** The address Prometheus scrapes, which is also the {@code instance} label of its series. */
    String target() {
        return "127.0.0.1:" + port;
    }

    long seed() {
        return seed;
    }

    /** Waits for the pause and returns the ground truth so far (the warm-up's). */
    GroundTruth awaitPaused() throws IOException {
        return GroundTruth.parse(jvm.awaitLine(GroundTruth.PAUSED_PREFIX, RUN_TIME));
    }

    void resume() throws IOException {
        jvm.send("");
    }

    /** Waits for the end of the run and returns its ground truth. */
    GroundTruth awaitFinished() throws IOException {
        return GroundTruth.parse(jvm.awaitLine(GroundTruth.PREFIX, RUN_TIME));
    }

    /** Kills the JVM and starts it again, same seed, same port: a crash and a restart. */
    void restart() throws IOException, InterruptedException {
        jvm.close();
        launch();
    }

    /** What the JVM wrote to stderr: where the agent reports a metrics endpoint that did not start. */
    List<String> stderr() {
        return jvm.stderr();
    }

    private void launch() throws IOException {
        List<String> flags = new ArrayList<>(LEAN_JVM);
        flags.add(SampleLaunch.agentFlag(config));
        jvm = ForkedJvm.start(flags, SampleLaunch.JAR.mainArgs(List.of(
                "--requests", String.valueOf(REQUESTS), "--seed", String.valueOf(seed),
                "--pause-after", String.valueOf(WARM_UP), "--times", "--keep-running")));
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
