package io.genscope.agent.config;

import io.genscope.runtime.time.DurationText;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the durations of the config file: a whole number with a unit ({@code 500ms},
 * {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}) or ISO-8601 ({@code PT1H}).
 */
public final class Durations {

    /** How a duration may be written, for messages. */
    public static final String FORMS = "a whole number with unit ms, s, m, h or d (500ms, 30s, 5m, 1h, 2d) or ISO-8601 such as PT1H";

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /** The duration {@code text} stands for, or {@code null} if it is in neither form or too long. */
    public static Duration parse(String text) {
        Matcher shortForm = SHORT.matcher(text);
        try {
            if (shortForm.matches()) {
                long amount = Long.parseLong(shortForm.group(1));
                return switch (shortForm.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return text.toUpperCase(Locale.ROOT).startsWith("P") || text.startsWith("-") ? Duration.parse(text) : null;
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /** Whether {@code whole} is a whole number (zero included) of {@code part}s. */
    static boolean isMultiple(Duration whole, Duration part) {
        return whole.minus(part.multipliedBy(whole.dividedBy(part))).isZero();
    }

    /** The shortest form {@link #parse} reads back: {@code 1h}, {@code 90s}, {@code 500ms}. */
    static String format(Duration duration) {
        return DurationText.format(duration);
    }
}
