package io.genscope.agent.it.hostile;

import io.genscope.agent.it.SampleLaunch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A config path that names something hostile costs the host nothing: only a regular file of at
 * most 256 KB is read, so a huge file, a FIFO or a device is one ERROR line at once, and the
 * sample generator prints exactly what it prints without the agent. A config that Genscope can
 * use but that holds something it ignores (a second YAML document, {@code config=} given twice)
 * is one line too, and Genscope runs.
 */
class StartupConfigFileIT {

    private static StartupSampleRun withoutAgent;

    @TempDir
    Path directory;

    @BeforeAll
    static void runWithoutAgent() throws Exception {
        withoutAgent = StartupSampleRun.of(SampleLaunch.JAR, List.of());
    }

    @Test
    void aFiftyMegabyteFileHoldingOneQuotedScalarIsRefusedAtOnce() throws Exception {
        Path file = directory.resolve("huge.yaml");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("rules:\n  - name: \"");
            String block = "a".repeat(1 << 20);
            for (int i = 0; i < 50; i++) {
                out.write(block);
            }
            out.write("\"\n");
        }
        assertRefusedWithOneLine(file, "cannot read the config file: it is larger than 262144 bytes");
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = directory.resolve("genscope.yaml");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        assertRefusedWithOneLine(fifo, "cannot read the config file: it is not a regular file");
    }

    @Test
    void aDeviceThatNeverEndsIsRefusedWithoutBeingRead() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        assertRefusedWithOneLine(zero, "cannot read the config file: it is not a regular file");
    }

    @Test
    void aTwoMegabyteRuleNameIsRefused() throws Exception {
        Path file = Files.writeString(directory.resolve("genscope.yaml"),
                SampleLaunch.ONE_RULE_CONFIG.replace("name: generate", "name: " + "g".repeat(2 << 20)));
        assertRefusedWithOneLine(file, "cannot read the config file: it is larger than 262144 bytes");
    }

    @Test
    void aSecondYamlDocumentIsOneLineAndGenscopeRunsOnTheFirst() throws Exception {
        Path file = Files.writeString(directory.resolve("genscope.yaml"),
                SampleLaunch.ONE_RULE_CONFIG + "---\nstrict: true\n");
        StartupSampleRun run = StartupSampleRun.of(SampleLaunch.JAR, List.of(SampleLaunch.agentFlag(file)));

        assertThat(run.exitCode()).isZero();
        assertThat(run.hostOutput()).isEqualTo(withoutAgent.hostOutput());
        assertThat(run.genscope("ERROR")).singleElement().asString()
                .startsWith("[genscope] ERROR " + file + ":9: a second YAML document starts here");
        assertThat(run.genscope("INFO")).anyMatch(line -> line.contains("started with 1 rule(s)"));
    }

    @Test
    void configGivenTwiceInTheAgentArgumentsIsOneLineAndTheLastIsUsed() throws Exception {
        Path first = Files.writeString(directory.resolve("first.yaml"), "enabled: false\n");
        Path last = Files.writeString(directory.resolve("last.yaml"), SampleLaunch.ONE_RULE_CONFIG);
        String flag = SampleLaunch.agentFlag(first) + ",config=" + last;
        StartupSampleRun run = StartupSampleRun.of(SampleLaunch.JAR, List.of(flag));

        assertThat(run.exitCode()).isZero();
        assertThat(run.hostOutput()).isEqualTo(withoutAgent.hostOutput());
        assertThat(run.genscope("ERROR")).singleElement().asString().isEqualTo("[genscope] ERROR -javaagent arguments:"
                + " config is given twice, config=" + first + " then config=" + last + "; keep one (the last is used, "
                + last + ")");
        assertThat(run.genscope("INFO")).anyMatch(line -> line.contains("started with 1 rule(s) from " + last));
    }

    private static void assertRefusedWithOneLine(Path config, String reason) throws Exception {
        StartupSampleRun run = StartupSampleRun.of(SampleLaunch.JAR, List.of(SampleLaunch.agentFlag(config)));

        assertThat(run.exitCode()).isZero();
        assertThat(run.hostOutput()).isEqualTo(withoutAgent.hostOutput());
        assertThat(run.stderr()).singleElement().asString()
                .startsWith("[genscope] ERROR " + config + ": " + reason).endsWith("(Genscope disabled)");
    }

    private static boolean mkfifo(Path path) throws IOException, InterruptedException {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return process.waitFor() == 0 && Files.exists(path) && !Files.isRegularFile(path);
        } catch (IOException noMkfifo) {
            return false;
        }
    }
}
