package io.genscope.agent.it.breakdown;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.GenscopeMBeans;
import io.genscope.agent.it.GroundTruth;
import io.genscope.agent.it.OpenData;
import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.SecuredJmx;

import javax.management.MBeanServerConnection;
import javax.management.openmbean.CompositeData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sample generator in a forked JVM under its own {@code genscope.yaml} with a few more
 * {@code store} settings, kept running after its run and reachable over its (password-protected)
 * remote JMX; or, without a config, the same run without the agent.
 */
final class BreakdownSample implements AutoCloseable {

    private final ForkedJvm jvm;
    private final SecuredJmx jmx;
    private final GroundTruth truth;

    private BreakdownSample(ForkedJvm jvm, SecuredJmx jmx, GroundTruth truth) {
        this.jvm = jvm;
        this.jmx = jmx;
        this.truth = truth;
    }

    /**
     * @param storeLines settings added to the sample config's {@code store} section, each line
     *                   indented as in it; {@code null} runs the sample without the agent
     * @param extraYaml  top-level sections added to the sample config
     */
    static BreakdownSample start(Path directory, List<String> storeLines, String extraYaml, List<String> sampleArgs)
            throws Exception {
        Files.createDirectories(directory);
        SecuredJmx jmx = new SecuredJmx(directory);
        List<String> flags = new ArrayList<>(jmx.jvmFlags());
        flags.add("-Xmx256m");
        if (storeLines != null) {
            String sample = Files.readString(SampleLaunch.SAMPLE_CONFIG);
            String config = sample.replace("\nstore:\n", "\nstore:\n" + String.join("\n", storeLines) + "\n")
                    + "\n" + extraYaml;
            flags.add(SampleLaunch.agentFlag(Files.writeString(directory.resolve("genscope.yaml"), config)));
        }
        List<String> args = new ArrayList<>(sampleArgs);
        args.add("--keep-running");
        ForkedJvm jvm = ForkedJvm.start(flags, SampleLaunch.JAR.mainArgs(args));
        try {
            return new BreakdownSample(jvm, jmx, GroundTruth.parse(jvm.awaitLine(GroundTruth.PREFIX,
                    Duration.ofMinutes(3))));
        } catch (Exception | AssertionError failure) {
            jvm.close();
            throw failure;
        }
    }

    ForkedJvm jvm() {
        return jvm;
    }

    GroundTruth truth() {
        return truth;
    }

    MBeanServerConnection connection() throws Exception {
        return jmx.connection();
    }

    /** The {@code Top} table of {@code io.genscope:type=Breakdown,dimension=<dimension>[,window=<window>]}. */
    Map<String, CompositeData> top(String dimension, String window) throws Exception {
        return OpenData.map(new GenscopeMBeans(connection()).attribute(name(dimension, window), "Top"));
    }

    static String name(String dimension, String window) {
        return "io.genscope:type=Breakdown,dimension=" + dimension + (window == null ? "" : ",window=" + window);
    }

    @Override
    public void close() throws Exception {
        jvm.close();
    }
}
