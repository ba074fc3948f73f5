package io.genscope.runtime.store;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What of an error message may be kept: its first line, redacted, then cut to the configured length. */
class MessageSanitizerTest {

    private static final Pattern API_KEY = Pattern.compile("sk-[A-Za-z0-9]+");

    private static MessageSanitizer keeping(int length, Pattern... redact) {
        return new MessageSanitizer(length, List.of(redact));
    }

    @Test
    void keepsOnlyTheFirstLine() {
        assertThat(keeping(200).sanitize("cannot find symbol\n  String code = \"secret\";\n^"))
                .isEqualTo("cannot find symbol");
    }

    @Test
    void keepsOnlyTheFirstLineOfAMessageWithWindowsLineEndings() {
        assertThat(keeping(200).sanitize("cannot find symbol\r\n  String code;")).isEqualTo("cannot find symbol");
    }

    @Test
    void stripsSurroundingWhitespaceBeforeTakingTheFirstLine() {
        assertThat(keeping(200).sanitize("\n  missing return \n next")).isEqualTo("missing return ");
    }

    @Test
    void cutsToTheConfiguredLengthAndMarksTheCut() {
        assertThat(keeping(5).sanitize("abcdefgh")).isEqualTo("abcde…");
        assertThat(keeping(8).sanitize("abcdefgh")).isEqualTo("abcdefgh");
    }

    @Test
    void redactsBeforeCuttingSoASecretAcrossTheCutLeavesNoPrefix() {
        String kept = keeping(12, API_KEY).sanitize("bad key sk-abc123def456 used");

        assertThat(kept).isEqualTo("bad key *** …");
        assertThat(kept).doesNotContain("sk-");
    }

    @Test
    void appliesEveryRedactPattern() {
        String kept = keeping(200, API_KEY, Pattern.compile("/home/\\w+")).sanitize("sk-42 in /home/alice/gen.java");

        assertThat(kept).isEqualTo("*** in ***/gen.java");
    }

    @Test
    void keepsNoMessageWhenLengthIsZeroOrThereIsNone() {
        assertThat(keeping(0).sanitize("anything")).isNull();
        assertThat(keeping(200).sanitize(null)).isNull();
    }
}
