package io.genscope.agent.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name, duration and size forms are read by hand at start-up (no regular expression to
 * compile then); the expressions they replaced are the specification here, and every candidate
 * text gets the same answer from both.
 */
class HandReadFormsTest {

    private static final String IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    private static final String QUALIFIED = IDENTIFIER + "(?:\\." + IDENTIFIER + ")*";
    private static final String GLOB_PART = "[\\p{javaJavaIdentifierPart}*?]+";
    private static final Pattern TYPE_NAME = Pattern.compile(QUALIFIED);
    private static final Pattern PARAMETER_TYPE = Pattern.compile(QUALIFIED + "(?:\\[])*");
    private static final Pattern CLASS_GLOB = Pattern.compile(GLOB_PART + "(?:\\." + GLOB_PART + ")*");
    private static final Pattern METHOD_NAME = Pattern.compile(IDENTIFIER);
    private static final Pattern METHOD_GLOB = Pattern.compile(GLOB_PART);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("([0-9][0-9_]{0,12})\\s*([KMG])B", Pattern.CASE_INSENSITIVE);

    /** Pieces whose every pairing and triple is a candidate: letters of several scripts, digits, punctuation, globs. */
    private static final List<String> PIECES = List.of("", "a", "Z", "_", "$", "é", "名", "\uD835\uDC00", "\uD835",
            "0", "7", ".", "..", "[]", "[", "]", "*", "?", " ", "\t", "-", "/", "a1", "B$c", "int", "\u0000", "\u200B");

    @Test
    void namesAreJudgedAsTheJavaIdentifierExpressionsJudgeThem() {
        for (String text : candidates(PIECES)) {
            boolean glob = JavaNames.isGlob(text);
            assertThat(JavaNames.isTypeName(text)).as("type name '%s'", text).isEqualTo(TYPE_NAME.matcher(text).matches());
            assertThat(JavaNames.isParameterType(text)).as("parameter type '%s'", text)
                    .isEqualTo(PARAMETER_TYPE.matcher(text).matches());
            assertThat(JavaNames.isClassPattern(text)).as("class pattern '%s'", text)
                    .isEqualTo(glob ? CLASS_GLOB.matcher(text).matches() : TYPE_NAME.matcher(text).matches());
            assertThat(JavaNames.isMethodPattern(text)).as("method pattern '%s'", text)
                    .isEqualTo((glob ? METHOD_GLOB : METHOD_NAME).matcher(text).matches());
        }
    }

    @Test
    void durationsInShortFormAreReadAsTheExpressionReadThem() {
        List<String> pieces = List.of("", "0", "5", "12", "99999999999999999999", "ms", "s", "m", "h", "d", "M", "S", "D", "MS",
                "us", "x", " ", "-", "P", "T", "1H", "٣");
        for (String text : candidates(pieces)) {
            Matcher shortForm = SHORT_DURATION.matcher(text);
            if (shortForm.matches()) {
                assertThat(Durations.parse(text)).as("'%s'", text).isEqualTo(expectedShortForm(shortForm));
            } else if (!text.toUpperCase(java.util.Locale.ROOT).startsWith("P") && !text.startsWith("-")) {
                assertThat(Durations.parse(text)).as("'%s'", text).isNull();
            }
        }
    }

    @Test
    void sizesAreReadAsTheExpressionReadThem() {
        List<String> pieces = List.of("", "0", "64", "1_0", "_", "1234567890123", " ", "\t", "\u00A0", "K", "m", "G", "B",
                "b", "kb", "MB", "T", "TB", "KBB", ".5", "-1", "٣");
        for (String text : candidates(pieces)) {
            Matcher size = SIZE.matcher(text.trim());
            Long expected = null;
            if (size.matches()) {
                int shift = switch (size.group(2).toUpperCase(java.util.Locale.ROOT)) {
                    case "K" -> 10;
                    case "M" -> 20;
                    default -> 30;
                };
                expected = Long.parseLong(size.group(1).replace("_", "")) << shift;
            }
            assertThat(ByteSizes.parse(text)).as("'%s'", text).isEqualTo(expected);
        }
    }

    private static Duration expectedShortForm(Matcher shortForm) {
        long amount;
        try {
            amount = Long.parseLong(shortForm.group(1));
        } catch (NumberFormatException tooLong) {
            return null;
        }
        return switch (shortForm.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static List<String> candidates(List<String> pieces) {
        List<String> all = new ArrayList<>();
        for (String first : pieces) {
            for (String second : pieces) {
                all.add(first + second);
                for (String third : pieces) {
                    all.add(first + second + third);
                }
            }
        }
        return all;
    }
}
