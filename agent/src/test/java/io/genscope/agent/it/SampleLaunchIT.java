package io.genscope.agent.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample generator under the real agent jar, read back over authenticated remote JMX: every
 * figure equals the generator's own ground truth, however the generator's classes are loaded and
 * whatever libraries the host carries.
 */
class SampleLaunchIT {

    @TempDir
    Path directory;


    @ParameterizedTest
    @EnumSource(SampleLaunch.class)
    void jmxFiguresEqualTheGeneratorsOwnCounts(SampleLaunch launch) throws Exception {
        runAndCompare(Path.of(System.getProperty("java.home")), launch);
    }

    @Test
    void theAgentWorksOnTheNewerJdkWithoutWarnings() throws Exception {
        assumeTrue(Files.isExecutable(SampleLaunch.NEWER_JDK.resolve("bin").resolve("java")),
                "no newer JDK at '" + SampleLaunch.NEWER_JDK + "' (set genscope.it.newer.jdk)");
        List<String> stderr = runAndCompare(SampleLaunch.NEWER_JDK, SampleLaunch.JAR);
        assertThat(stderr).noneMatch(line -> line.startsWith("WARNING"));
    }

    @Test
    void theHostsOwnSlf4jSettingsDoNotReachTheAgentsRelocatedCopy() throws Exception {
        List<String> flags = List.of("-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                SampleLaunch.agentFlag(SampleLaunch.SAMPLE_CONFIG));
        try (ForkedJvm jvm = ForkedJvm.start(flags, SampleLaunch.JAR.mainArgs(List.of("--requests", "4")))) {
            assertThat(jvm.awaitExit(Duration.ofMinutes(2))).isZero();
            assertThat(jvm.stdout()).anyMatch(line -> line.startsWith(GroundTruth.PREFIX));
            assertThat(jvm.stderr()).anyMatch(line -> line.startsWith("[genscope] INFO Genscope") && line.contains("started"))
                    .noneMatch(line -> line.contains("could not start") || line.startsWith("SLF4J"));
        }
    }

    @Test
    void anotherCopyOfTheAgentsFilesOnTheApplicationsClassPathDoesNotReplaceTheAgentsOwn() throws Exception {
        String classPath = decoyJar() + File.pathSeparator + SampleLaunch.SAMPLE_JAR;
        List<String> stderr = runAndCompare(Path.of(System.getProperty("java.home")),
                List.of("-cp", classPath, sampleMainClass(), "--keep-running"), jvm -> { });
        assertThat(stderr).noneMatch(line -> line.contains("could not instrument"));
    }

    private List<String> runAndCompare(Path javaHome, SampleLaunch launch) throws Exception {
        return runAndCompare(javaHome, launch.mainArgs(List.of("--keep-running")), jvm -> {
            if (launch == SampleLaunch.HOST_LIBRARIES) {
                assertThat(jvm.awaitLine("host jackson", Duration.ofSeconds(1)))
                        .isEqualTo("host jackson 2.12.7 wrote {\"host\":\"ok\"}");
                assertThat(jvm.stderrLine("host logging through org.slf4j.impl.SimpleLoggerFactory")).isPresent();
            }
            if (launch == SampleLaunch.ISOLATED_LOADER) {
                assertThat(jvm.awaitLine("sample loaded by", Duration.ofSeconds(1))).contains("URLClassLoader");
            }
        });
    }

    /** Runs the sample, compares the MBeans with its ground truth, then {@code check}; returns stderr. */
    private List<String> runAndCompare(Path javaHome, List<String> mainArgs, LaunchCheck check) throws Exception {
        SecuredJmx jmx = new SecuredJmx(directory);
        List<String> flags = new ArrayList<>(jmx.jvmFlags());
        flags.add(SampleLaunch.agentFlag(SampleLaunch.SAMPLE_CONFIG));
        try (ForkedJvm jvm = ForkedJvm.start(javaHome, flags, mainArgs)) {
            GroundTruth truth = GroundTruth.parse(jvm.awaitLine(GroundTruth.PREFIX, Duration.ofMinutes(2)));

            new GenscopeMBeans(jmx.connection()).assertTelemetryMatches(truth);

            check.verify(jvm);
            return jvm.stderr();
        }
    }

    /** What a launch checks beyond the figures, while the sample still runs. */
    private interface LaunchCheck {
        void verify(ForkedJvm jvm) throws Exception;
    }

    /**
     * A jar with other content under the name of the agent's advice class (the MBean server
     * hook's, the one read as a class file) and bundled defaults, as an application carrying another Genscope version would have: advice read from
     * it would not even parse, nor would the defaults.
     */
    private Path decoyJar() throws IOException {
        byte[] otherClass = Files.readAllBytes(
                SampleLaunch.TEST_CLASSES.resolve("io/genscope/agent/it/launch/EarlierAgent.class"));
        Path jar = directory.resolve("decoy-genscope.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("io/genscope/agent/advice/MBeanServerAdvice.class"));
            out.write(otherClass);
            out.closeEntry();
            out.putNextEntry(new JarEntry("io/genscope/agent/config/defaults.yaml"));
            out.write("enabled: [not, the, defaults\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static String sampleMainClass() throws IOException {
        try (JarFile sample = new JarFile(SampleLaunch.SAMPLE_JAR.toFile())) {
            return sample.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
        }
    }
}
