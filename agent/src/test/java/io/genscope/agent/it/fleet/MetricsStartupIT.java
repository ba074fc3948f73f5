package io.genscope.agent.it.fleet;

import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.hostile.StartupSampleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint costs nothing unless asked for, and a problem when it starts costs the host
 * nothing: off by default (no thread, no listening socket), and a port already taken is one WARN
 * line while the generator prints what it prints without it and Genscope counts as ever.
 */
class MetricsStartupIT {

    @TempDir
    Path directory;

    @Test
    void offByDefaultNoThreadAndNoListeningSocket() throws Exception {
        try (EndpointSample sample = EndpointSample.start(directory, "")) {
            assertThat(JvmProbe.threads(sample.jvm.pid())).extracting(JvmProbe.ThreadName::name)
                    .isNotEmpty().noneMatch(name -> name.startsWith("genscope-metrics") || name.startsWith("HTTP-"));
            assertThat(JvmProbe.listeningSockets(sample.jvm.pid())).as("listening sockets").isZero();
            assertThat(sample.jvm.stderr()).noneMatch(line -> line.contains("metrics endpoint"));
        }
    }

    @Test
    void aPortAlreadyTakenIsOneWarnLineAndTheHostRunsUnharmed() throws Exception {
        Path plain = Files.writeString(directory.resolve("plain.yaml"), Files.readString(SampleLaunch.SAMPLE_CONFIG));
        StartupSampleRun withoutEndpoint = StartupSampleRun.of(SampleLaunch.JAR, List.of(SampleLaunch.agentFlag(plain)));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Path config = Files.writeString(directory.resolve("genscope.yaml"),
                    Files.readString(SampleLaunch.SAMPLE_CONFIG) + "\nmetrics:\n  port: " + port + "\n");
            StartupSampleRun run = StartupSampleRun.of(SampleLaunch.JAR, List.of(SampleLaunch.agentFlag(config)));

            assertThat(run.exitCode()).isZero();
            assertThat(run.hostOutput()).isEqualTo(withoutEndpoint.hostOutput());
            assertThat(run.genscope("WARN")).singleElement().asString().startsWith(
                    "[genscope] WARN metrics endpoint not started: metrics.port: cannot listen on 127.0.0.1:" + port
                            + " (Address already in use); choose a free port, or 0 for any;"
                            + " the application and the rest of Genscope run on without it");
            assertThat(run.genscope("ERROR")).isEmpty();
            assertThat(withoutEndpoint.genscope("WARN")).isEmpty();
            assertThat(reportOnExit(run)).as("Genscope's report at exit").isEqualTo(reportOnExit(withoutEndpoint))
                    .isNotEmpty();
        }
    }

    /** The counts of Genscope's report at exit (report-on-exit in the sample's config), without its times. */
    private static List<String> reportOnExit(StartupSampleRun run) {
        return run.stderr().stream().filter(line -> !line.startsWith("[genscope] ")).filter(line -> !line.matches(".*\\d+ ?ms.*"))
                .toList();
    }
}
