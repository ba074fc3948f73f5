package io.genscope.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled defaults' plain subset of YAML reads the tree the YAML parser reads, lines and
 * scalar kinds included, and gives up (so the caller parses YAML) on anything else.
 */
class PlainBlockYamlTest {

    @Test
    void theBundledDefaultsAreInTheSubsetAndReadAsTheYamlParserReadsThem() throws Exception {
        String defaults = bundledText();

        assertThat(PlainBlockYaml.read(defaults)).isNotNull().isEqualTo(yaml(defaults));
    }

    @Test
    void nestedKeysLinesWordsEmptyTextAndEmptyListsAreTheParsersTree() throws Exception {
        String text = "# heading\n\nfirst: 1h\nstore:\n  # note\n  window: 5m\n  auth:\n    type: none\n    user: \"\"\n"
                + "  redact: []\n  host: 127.0.0.1\n  rate: 0.5\nflags:\n  on: true\n  off: off\n  yes: yes\n"
                + "  no: FALSE\n  maybe: Null\n  capital: Yes\n  mixed: tRue\nlast: 1_000\n";

        assertThat(PlainBlockYaml.read(text)).isNotNull().isEqualTo(yaml(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: 'x'\n", "a: {b: c}\n", "a: [x]\n", "a:\n\tb: c\n", "a: x # comment\n",
            "a: ~\n", "a:\nb: c\n", "a: 1\na: 2\n", "---\na: 1\n", "a:\n  - x\n", "a: 1\n  b: 2\n", "  a: 1\n",
            "a: x y\n", "a: &anchor x\n", "a: 1\r\n", "a:b\n", "", "# only a comment\n"})
    void anythingElseIsLeftToTheYamlParser(String text) {
        assertThat(PlainBlockYaml.read(text)).isNull();
    }

    private static YamlNode yaml(String text) throws YamlSyntaxException {
        return YamlTreeReader.read(text, (line, field, what) -> {
            throw new AssertionError(what);
        });
    }

    private static String bundledText() throws IOException {
        try (InputStream in = BundledDefaults.class.getResourceAsStream(BundledDefaults.NAME)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
