package io.genscope.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The usual config read from SnakeYAML's events is the tree Jackson's parser reads, lines and
 * scalar kinds included; the rest, and every problem, is left to Jackson (so its messages stay).
 */
class YamlEventReaderTest {

    /** Words Jackson types, in the spellings it types and some it does not. */
    private static final List<String> WORDS = List.of("true", "True", "TRUE", "tRue", "false", "False", "FALSE", "fAlse",
            "yes", "Yes", "YES", "yEs", "no", "No", "NO", "nO", "on", "On", "ON", "oN", "off", "Off", "OFF", "oFF", "null",
            "Null", "NULL", "nULL", "~", "y", "n", "Y", "", "0", "1_000", "0.5", ".inf", "1e3", "0x1F", "64MB", "1h",
            "'true'", "\"null\"", "\"\"", "''", "é", "a b", "a: b", "[]", "{}", "[a, 'b', 2]", "{x: 1, y: [true]}");

    @Test
    void everyScalarIsTypedAsJacksonTypesIt() throws Exception {
        for (String word : WORDS) {
            for (String text : List.of("key: " + word + "\n", "- " + word + "\n", "[" + word + "]", "{k: " + word + "}")) {
                assertSameTreeWhenRead(text);
            }
        }
    }

    @Test
    void theProjectsConfigsAreReadWithoutJacksonAsJacksonReadsThem() throws Exception {
        List<Path> configs = new ArrayList<>(List.of(Path.of("../sample-generator/genscope.yaml"),
                Path.of("../sample-generator/genscope-batch.yaml"), Path.of("src/test/resources/hostile/values-genscope.yaml")));
        try (Stream<Path> benchmarks = Files.list(Path.of("../benchmarks/configs"))) {
            benchmarks.forEach(configs::add);
        }
        for (Path config : configs) {
            String text = Files.readString(config);
            assertThat(YamlEventReader.read(text)).as("%s", config).isNotNull().isEqualTo(jackson(text));
        }
    }

    @Test
    void nestingListsOfMappingsFlowStylesBlockScalarsAndLinesAreJacksons() throws Exception {
        String text = """
                # a comment
                ---
                enabled: true
                store:
                  windows: [1m,
                    15m]
                  redact: ['a', "b\\tc"]
                rules:
                  - name: one
                    class: com.acme.Gen
                    capture:
                      errors: { each: it.message }
                  -
                    name: two
                    note: |
                      two lines
                      of text
                    folded: >
                      folded
                      text
                  - [nested, [deeper]]
                empty:
                tilde: ~
                "quoted key": 1
                ? explicit
                : value
                """;

        assertThat(YamlEventReader.read(text)).isNotNull().isEqualTo(jackson(text));
        assertSameTreeWhenRead("");
        assertSameTreeWhenRead("# only a comment\n");
        assertSameTreeWhenRead("---\n");
        assertSameTreeWhenRead("just text");
        assertSameTreeWhenRead("- a\n- b\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: !!str true\n", "a: !custom x\n", "a: &anchor x\nb: *anchor\n", "a: 1\na: 2\n",
            "a: 1\n---\nb: 2\n", "a: [1\n", "a: b: c\n", "? [a, b]\n: c\n", "!!map {a: 1}\n", "a: \"\\q\"\n",
            "a:\n\t- x\n", "a: \u0007\n", "x: *nowhere\n"})
    void tagsAnchorsRepeatedKeysSecondDocumentsAndErrorsAreLeftToJackson(String text) {
        assertThatThrownBy(() -> YamlEventReader.read(text)).isInstanceOf(YamlEventReader.OutsideSubset.class);
    }

    @Test
    void aTreeDeeperOrAValueLongerThanTheBoundsIsLeftToJackson() {
        String deep = "{a: ".repeat(YamlTreeReader.MAX_DEPTH + 1) + "1" + "}".repeat(YamlTreeReader.MAX_DEPTH + 1);
        String deepEnough = "{a: ".repeat(YamlTreeReader.MAX_DEPTH) + "1" + "}".repeat(YamlTreeReader.MAX_DEPTH);
        String longValue = "a: " + "x".repeat(YamlTreeReader.MAX_SCALAR_LENGTH + 1);

        assertThatThrownBy(() -> YamlEventReader.read(deep)).isInstanceOf(YamlEventReader.OutsideSubset.class);
        assertThatThrownBy(() -> YamlEventReader.read(longValue)).isInstanceOf(YamlEventReader.OutsideSubset.class);
        assertThatCode(() -> YamlEventReader.read("a: " + "x".repeat(YamlTreeReader.MAX_SCALAR_LENGTH)))
                .as("at the bound").doesNotThrowAnyException();
        assertThatCode(() -> YamlEventReader.read(deepEnough)).as("at the bound").doesNotThrowAnyException();
    }

    /** Read without Jackson and equal to Jackson's tree, or left to Jackson. */
    private static void assertSameTreeWhenRead(String text) throws Exception {
        YamlNode read;
        try {
            read = YamlEventReader.read(text);
        } catch (YamlEventReader.OutsideSubset leftToJackson) {
            return;
        }
        assertThat(read).as("'%s'", text).isEqualTo(jackson(text));
    }

    private static YamlNode jackson(String text) throws YamlSyntaxException, IOException {
        return YamlTreeReader.readThroughJackson(text, (line, field, what) -> {
            throw new AssertionError(what);
        });
    }
}
