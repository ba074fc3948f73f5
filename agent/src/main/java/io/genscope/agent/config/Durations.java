package io.genscope.agent.config;

import io.genscope.runtime.time.DurationText;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads and writes the durations of the config file: a whole number with a unit ({@code 500ms},
 * {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}) or ISO-8601 ({@code PT1H}).
 */
public final class Durations {

    /** How a duration may be written, for messages. */
    public static final String FORMS = "a whole number with unit ms, s, m, h or d (500ms, 30s, 5m, 1h, 2d) or ISO-8601 such as PT1H";

    private Durations() {
    }

    /** The duration {@code text} stands for, or {@code null} if it is in neither form or too long. */
    public static Duration parse(String text) {
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        try {
            if (digits > 0) {
                return shortForm(text.substring(0, digits), text.substring(digits));
            }
            return text.toUpperCase(Locale.ROOT).startsWith("P") || text.startsWith("-") ? Duration.parse(text) : null;
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}, or {@code null} for another
     * unit. Read by hand rather than by a regular expression: it runs at every start, where
     * compiling one costs more than the whole read.
     */
    private static Duration shortForm(String digits, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(Long.parseLong(digits));
            case "s" -> Duration.ofSeconds(Long.parseLong(digits));
            case "m" -> Duration.ofMinutes(Long.parseLong(digits));
            case "h" -> Duration.ofHours(Long.parseLong(digits));
            case "d" -> Duration.ofDays(Long.parseLong(digits));
            default -> null;
        };
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
