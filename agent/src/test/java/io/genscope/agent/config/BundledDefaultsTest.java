package io.genscope.agent.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled defaults are read without their comment lines, which document the settings and
 * would cost the cold YAML scanner time at start-up; every value keeps its line number.
 */
class BundledDefaultsTest {

    @Test
    void commentLinesAreEmptiedAndEveryOtherLineKeptInPlace() {
        String text = "# a heading\nstore:\n  # about the window\n  window: 5m   # inline comment stays\n"
                + "  pattern: \"a # b\"\n\n    #deeper\nrules: []";

        assertThat(BundledDefaults.withoutCommentLines(text)).isEqualTo(
                "\nstore:\n\n  window: 5m   # inline comment stays\n  pattern: \"a # b\"\n\n\nrules: []");
    }

    @Test
    void theDefaultsReadWithoutCommentsAreTheTreeOfTheWholeFileLineForLine() throws Exception {
        String whole = bundledText();

        assertThat(BundledDefaults.onClassPath().tree).isEqualTo(YamlTreeReader.read(whole, (line, field, what) -> {
            throw new AssertionError(what);
        }));
        assertThat(BundledDefaults.withoutCommentLines(whole).lines().count()).isEqualTo(whole.lines().count());
    }

    private static String bundledText() throws IOException {
        try (InputStream in = BundledDefaults.class.getResourceAsStream(BundledDefaults.NAME)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
