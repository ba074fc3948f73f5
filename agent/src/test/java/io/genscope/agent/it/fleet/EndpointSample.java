package io.genscope.agent.it.fleet;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.GroundTruth;
import io.genscope.agent.it.SampleLaunch;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The sample generator in a forked JVM with {@code -javaagent} and the sample's own config plus a
 * {@code metrics} section, kept running after its run so the endpoint can be scraped. The address
 * is read from Genscope's INFO line, so a test can use {@code port: 0} and never race for a port.
 */
final class EndpointSample implements AutoCloseable {

    private static final Pattern ENDPOINT_LINE = Pattern.compile("\\[genscope] INFO metrics endpoint at (\\S+) ");
    private static final Duration START = Duration.ofMinutes(2);

    final ForkedJvm jvm;
    final GroundTruth truth;

    private EndpointSample(ForkedJvm jvm, GroundTruth truth) {
        this.jvm = jvm;
        this.truth = truth;
    }

    /**
     * @param metrics the {@code metrics} section, as YAML, or {@code ""} for the sample's config as it is
     */
    static EndpointSample start(Path directory, String metrics) throws Exception {
        Path config = Files.writeString(directory.resolve("genscope.yaml"),
                Files.readString(SampleLaunch.SAMPLE_CONFIG) + "\n" + metrics);
        ForkedJvm jvm = ForkedJvm.start(List.of(SampleLaunch.agentFlag(config)),
                SampleLaunch.JAR.mainArgs(List.of("--keep-running")));
        try {
            return new EndpointSample(jvm, GroundTruth.parse(jvm.awaitLine(GroundTruth.PREFIX, START)));
        } catch (Exception | AssertionError failure) {
            jvm.close();
            throw failure;
        }
    }

    /** The endpoint's URL, once Genscope's INFO line says it serves. */
    URI url() {
        await().atMost(START).until(() -> endpointLine().isPresent());
        return URI.create(endpointLine().orElseThrow().group(1));
    }

    private Optional<Matcher> endpointLine() {
        return jvm.stderr().stream().map(ENDPOINT_LINE::matcher).filter(Matcher::find).findFirst();
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
