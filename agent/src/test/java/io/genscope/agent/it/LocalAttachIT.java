package io.genscope.agent.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What JConsole and VisualVM do with a local process: attach, start the JVM's local management
 * agent, connect. The sample runs with no JMX flag at all; Genscope must not have created the
 * platform MBean server on its own (checked with {@code jcmd GC.class_histogram}, which does not
 * touch JMX), and its MBeans must be there once the attach has created it.
 */
class LocalAttachIT {

    private static final String MBEAN_SERVER_CLASS = "com.sun.jmx.mbeanserver.JmxMBeanServer";

    @TempDir
    Path directory;

    @Test
    void mBeansAppearWhenAJmxClientAttachesToAProcessThatNeverUsedJmx() throws Exception {
        attachAndCheck(List.of(SampleLaunch.agentFlag(SampleLaunch.SAMPLE_CONFIG)));
    }

    @Test
    void anEarlierAgentThatLoadedJavaLangManagementDoesNotMakeGenscopeCreateTheServer() throws Exception {
        Path earlier = earlierAgentJar();
        attachAndCheck(List.of("-javaagent:" + earlier, SampleLaunch.agentFlag(SampleLaunch.SAMPLE_CONFIG)));
    }

    private void attachAndCheck(List<String> flags) throws Exception {
        try (ForkedJvm jvm = ForkedJvm.start(flags, SampleLaunch.JAR.mainArgs(List.of("--keep-running")))) {
            GroundTruth truth = GroundTruth.parse(jvm.awaitLine(GroundTruth.PREFIX, Duration.ofMinutes(2)));
            assertThat(liveClasses(jvm.pid())).as("classes with live instances before the attach")
                    .doesNotContain(MBEAN_SERVER_CLASS);

            try (JMXConnector connector = LocalManagementAgent.connect(jvm.pid())) {
                MBeanServerConnection connection = connector.getMBeanServerConnection();
                assertThat(connection.queryNames(new ObjectName("io.genscope:*"), null))
                        .extracting(ObjectName::toString)
                        .contains(GenscopeMBeans.TELEMETRY, GenscopeMBeans.DIAGNOSTICS,
                                "io.genscope:type=Model,name=codex-mini");
                assertThat(new GenscopeMBeans(connection).longAttribute(GenscopeMBeans.TELEMETRY, "Generations"))
                        .isEqualTo(truth.generations());
            }
        }
    }

    /** The histogram's class names, read with the build JDK's own jcmd. */
    private static String liveClasses(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("jcmd exit code; output:\n" + output).isZero();
        assertThat(output).as("a histogram").contains("java.lang.String");
        return output;
    }

    /** A jar holding {@code launch.EarlierAgent} as its premain class, built from the test classes. */
    private Path earlierAgentJar() throws IOException {
        String entry = "io/genscope/agent/it/launch/EarlierAgent.class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "io.genscope.agent.it.launch.EarlierAgent");
        Path jar = directory.resolve("earlier-agent.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(SampleLaunch.TEST_CLASSES.resolve(entry)));
            out.closeEntry();
        }
        return jar;
    }
}
