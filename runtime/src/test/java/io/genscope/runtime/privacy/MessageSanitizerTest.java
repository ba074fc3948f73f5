package io.genscope.runtime.privacy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What of an error message may be kept, per {@code store.error-messages}: nothing by default;
 * else its first line, redacted, then cut to {@code error-message-length}.
 */
class MessageSanitizerTest {

    private static final Pattern API_KEY = Pattern.compile("sk-[A-Za-z0-9]+");

    private static MessageSanitizer full(int length, Pattern... redact) {
        return new MessageSanitizer(ErrorMessages.FULL, length, List.of(redact));
    }

    private static MessageSanitizer redacted(Pattern... redact) {
        return new MessageSanitizer(ErrorMessages.REDACTED, 200, List.of(redact));
    }

    @Test
    void keepsNothingByDefault() {
        MessageSanitizer none = new MessageSanitizer(ErrorMessages.NONE, 200, List.of());

        assertThat(none.keepsMessages()).isFalse();
        assertThat(none.sanitize("cannot find symbol")).isNull();
    }

    @Test
    void keepsOnlyTheFirstLine() {
        assertThat(full(200).sanitize("cannot find symbol\n  String code = \"secret\";\n^"))
                .isEqualTo("cannot find symbol");
    }

    @Test
    void keepsOnlyTheFirstLineOfAMessageWithWindowsLineEndings() {
        assertThat(full(200).sanitize("cannot find symbol\r\n  String code;")).isEqualTo("cannot find symbol");
    }

    @Test
    void aBlankFirstLineKeepsNothingNotTheSecondLine() {
        assertThat(full(200).sanitize("\n  String code = \"secret\";")).isNull();
        assertThat(full(200).sanitize("   \r\nsecond")).isNull();
    }

    @Test
    void stripsTheFirstLine() {
        assertThat(full(200).sanitize("  missing return \n next")).isEqualTo("missing return");
    }

    @Test
    void cutsToTheConfiguredLengthAndMarksTheCut() {
        assertThat(full(5).sanitize("abcdefgh")).isEqualTo("abcde…");
        assertThat(full(8).sanitize("abcdefgh")).isEqualTo("abcdefgh");
    }

    @Test
    void redactsBeforeCuttingSoASecretAcrossTheCutLeavesNoPrefix() {
        String kept = full(12, API_KEY).sanitize("bad key sk-abc123def456 used");

        assertThat(kept).isEqualTo("bad key *** …");
        assertThat(kept).doesNotContain("sk-");
    }

    @Test
    void fullAppliesOnlyTheConfiguredPatterns() {
        String kept = full(200, API_KEY, Pattern.compile("/home/\\w+")).sanitize("sk-42 in /home/alice/gen.java 'x'");

        assertThat(kept).isEqualTo("*** in ***/gen.java 'x'");
    }

    @Test
    void redactedMasksQuotedTextAddressesAndSecretsThenTheConfiguredPatterns() {
        String kept = redacted(Pattern.compile("ticket-\\d+")).sanitize("cannot find symbol 'codeMarker' for"
                + " ops@example.com with sk-live-4eC39HqLyjWDarjtT1zdp7dc, id 9f86d081884c7d65, ticket-42");

        assertThat(kept).isEqualTo("cannot find symbol *** for *** with ***, id ***, ***");
    }

    @Test
    void redactedMasksTheRestOfALineAfterAnUnclosedQuote() {
        assertThat(redacted().sanitize("expected ';' but found \"String secretCode = 1")).isEqualTo("expected *** but found ***");
    }

    @Test
    void keepsNoMessageWhenLengthIsZeroOrThereIsNone() {
        assertThat(full(0).sanitize("anything")).isNull();
        assertThat(full(0).keepsMessages()).isFalse();
        assertThat(full(200).sanitize(null)).isNull();
    }

    @Test
    void aRedactPatternThatBacktracksForeverMasksTheWholeMessageInsteadOfStallingTheHost() {
        String kept = full(200, Pattern.compile("(.*a){10}$")).sanitize("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab");

        assertThat(kept).isEqualTo(Redactor.MASK);
    }

    @Test
    void readsNoMoreThanTheKeptLengthAndAMarginOfAHugeLine() {
        String huge = "x".repeat(200) + " sk-live-" + "y".repeat(5_000_000);

        assertThat(redacted().sanitize(huge)).isEqualTo("x".repeat(200) + "…");
    }
}
