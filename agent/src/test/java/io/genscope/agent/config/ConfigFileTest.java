package io.genscope.agent.config;

import io.genscope.agent.config.ConfigProblem.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Unusable config files are one FATAL line each; which files the host's own tests cannot make are in hostile ITs. */
class ConfigFileTest {

    private static final String MINIMAL = "rules:\n  - role: generation\n    class: com.acme.Gen\n    method: generate\n";

    @TempDir
    Path directory;

    @Test
    void aDirectoryIsRefusedWithoutReading() {
        assertFatal(ConfigLoader.load(directory), "it is a directory");
    }

    @Test
    void aFileOverTheLimitIsRefusedAndItsStrictLineStillCounts() throws IOException {
        Path file = directory.resolve("big.yaml");
        Files.writeString(file, "strict: true\n" + "#".repeat(ConfigFile.MAX_BYTES) + "\n");

        LoadedConfig loaded = ConfigLoader.load(file);

        assertFatal(loaded, "larger than 262144 bytes");
        assertThat(loaded.settings().strict()).isTrue();
    }

    @Test
    void aFileOfExactlyTheLimitIsRead() throws IOException {
        String padding = "#".repeat(ConfigFile.MAX_BYTES - MINIMAL.length() - 1) + "\n";
        Path file = Files.writeString(directory.resolve("full.yaml"), padding + MINIMAL);

        assertThat(Files.size(file)).isEqualTo(ConfigFile.MAX_BYTES);
        assertThat(ConfigLoader.load(file).problems()).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8NameTheirLine() throws IOException {
        Path file = directory.resolve("latin1.yaml");
        Files.write(file, ("strict: true\n# caf\u00e9\n" + MINIMAL).getBytes(StandardCharsets.ISO_8859_1));

        LoadedConfig loaded = ConfigLoader.load(file);

        assertFatal(loaded, "not UTF-8 text");
        assertThat(loaded.problems()).singleElement().extracting(ConfigProblem::line).isEqualTo(2);
        assertThat(loaded.settings().strict()).isTrue();
    }

    @Test
    void aByteOrderMarkIsDropped() throws IOException {
        Path file = directory.resolve("bom.yaml");
        Files.write(file, ("\uFEFF" + MINIMAL).getBytes(StandardCharsets.UTF_8));

        assertThat(ConfigLoader.load(file).problems()).isEmpty();
    }

    private static void assertFatal(LoadedConfig loaded, String reason) {
        assertThat(loaded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.FATAL);
            assertThat(problem.message()).contains(reason).endsWith("(Genscope disabled)");
        });
        assertThat(loaded.settings().enabled()).isFalse();
    }
}
