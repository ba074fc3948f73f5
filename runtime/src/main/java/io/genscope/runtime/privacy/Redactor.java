package io.genscope.runtime.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what matches a list of patterns, in bounded time whatever the patterns: each pattern may
 * read the text {@value #READS_PER_CHAR} times per character (plus {@value #BASE_READS}) through
 * a {@link CountedText}; a pattern that needs more, or overflows the stack, makes the whole text
 * {@value #MASK}. Failing closed is the safe side: a message is never kept half-redacted.
 *
 * <p>Runs on the host's thread (a validation's errors are redacted as they are recorded), so the
 * caller cuts the text first: the work is then at most patterns × ({@value #READS_PER_CHAR} ×
 * length + {@value #BASE_READS}) character reads. The {@code store.redact} pattern
 * {@code (.*a){10}$} that stalled a validation 4.8 s on a 33-character message is stopped after
 * 3,136 reads. Why a read budget on {@code java.util.regex} rather than a linear-time engine such
 * as RE2/J: see {@link CountedText}.
 *
 * <p>Thread-safe: patterns are immutable and each match has its own {@link CountedText}.
 */
public final class Redactor {

    /** What a match becomes; what a whole text becomes when a pattern runs out of budget. */
    public static final String MASK = "***";

    static final int READS_PER_CHAR = 64;
    static final int BASE_READS = 1024;

    /** Whether the {@linkplain BuiltIn built-in patterns} run before {@link #patterns}. */
    private final boolean builtIns;
    private final List<GuardedPattern> patterns;

    private Redactor(boolean builtIns, List<GuardedPattern> patterns) {
        this.builtIns = builtIns;
        this.patterns = List.copyOf(patterns);
    }

    /** {@code patterns} only ({@code full} messages: {@code store.redact}). */
    public static Redactor of(List<Pattern> patterns) {
        return new Redactor(false, always(patterns));
    }

    /** The built-in patterns followed by {@code extra} ({@code redacted} messages, and every error type). */
    public static Redactor withBuiltIns(List<Pattern> extra) {
        return new Redactor(true, always(extra));
    }

    private static List<GuardedPattern> always(List<Pattern> patterns) {
        List<GuardedPattern> guarded = new ArrayList<>(patterns.size());
        for (Pattern pattern : patterns) {
            guarded.add(GuardedPattern.always(pattern));
        }
        return guarded;
    }

    /** {@code text} with every match of every pattern masked, or {@value #MASK} when one ran out of budget. */
    public String redact(String text) {
        String result = builtIns ? redact(text, BuiltIn.PATTERNS) : text;
        result = result == null ? null : redact(result, patterns);
        return result == null ? MASK : result;
    }

    /** {@code text} with every match of {@code guardedPatterns} masked, or {@code null} when one ran out of budget. */
    private static String redact(String text, List<GuardedPattern> guardedPatterns) {
        String result = text;
        for (GuardedPattern guarded : guardedPatterns) {
            if (!guarded.mayMatch().test(result)) {
                continue;
            }
            try {
                result = guarded.pattern().matcher(new CountedText(result, budget(result))).replaceAll(MASK);
            } catch (CountedText.Exhausted | StackOverflowError exhausted) {
                return null;
            }
        }
        return result;
    }

    /**
     * Group 1 of the first match of {@code pattern} in {@code text}, within the same budget;
     * {@code null} when there is none or the budget ran out.
     */
    static String firstGroup(Pattern pattern, String text) {
        try {
            Matcher matcher = pattern.matcher(new CountedText(text, budget(text)));
            return matcher.find() && matcher.groupCount() >= 1 ? matcher.group(1) : null;
        } catch (CountedText.Exhausted | StackOverflowError exhausted) {
            return null;
        }
    }

    private static int budget(String text) {
        return READS_PER_CHAR * text.length() + BASE_READS;
    }

    private static boolean containsAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} has {@code min} or more consecutive characters that {@code inRun} accepts. */
    private static boolean hasRun(String text, int min, IntPredicate inRun) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = inRun.test(text.charAt(i)) ? run + 1 : 0;
            if (run >= min) {
                return true;
            }
        }
        return false;
    }

    /**
     * The built-in patterns, compiled on the first text to redact rather than when the store is
     * built: at the agent's start-up their regular expressions and guards cost milliseconds for
     * every JVM, most of which never record an error message.
     */
    private static final class BuiltIn {

        /**
         * The {@code redacted} mode's built-in patterns, each linear on its own (a lookbehind lets a
         * run of word characters be tried from its start only), each behind a cheap test of a
         * character or run it cannot match without, so most texts never start a matcher: quoted
         * text, e-mail addresses, secret assignments, well-known key prefixes, long hexadecimal and
         * base64-like runs.
         */
        static final List<GuardedPattern> PATTERNS = List.of(
                // quoted text: what compilers and linters quote is the user's code
                new GuardedPattern("'[^']*+'?|\"[^\"]*+\"?|`[^`]*+`?|\u2018[^\u2019]*+\u2019?|\u201c[^\u201d]*+\u201d?",
                        text -> containsAny(text, "'\"`\u2018\u201c")),
                // e-mail addresses
                new GuardedPattern("(?<![\\w.+-])[\\w.+-]++@[\\w-]++(?:\\.[\\w-]++)+", text -> text.indexOf('@') >= 0),
                // password=…, token: …, Bearer …
                new GuardedPattern("(?i)\\b(?:password|passwd|pwd|secret|token|api[-_]?key|authorization)\\b\\s*+[:=]\\s*+\\S++"
                        + "|\\bbearer\\s++\\S++", text -> containsAny(text, ":= \t")),
                // well-known key prefixes: sk-live-…, pk_test_…, ghp_…, xoxb-…, AKIA…, AIza…, glpat-…
                new GuardedPattern("(?<![\\w-])(?:(?:sk|pk|rk)[-_](?:live|test|proj)|gh[pousr]_|xox[abprs]-|AKIA|AIza|glpat-)[\\w-]*+",
                        text -> containsAny(text, "-_") || text.contains("AKIA") || text.contains("AIza")),
                // long hexadecimal runs (hashes, ids, keys) with at least one digit
                new GuardedPattern("\\b(?=[0-9a-fA-F]*?[0-9])[0-9a-fA-F]{16,}+\\b",
                        text -> hasRun(text, 16, c -> Character.digit(c, 16) >= 0)),
                // base64-like runs of 20 or more, mixing upper case, lower case and digits
                new GuardedPattern("(?<![\\w+/=-])(?=[\\w+/=-]*?\\d)(?=[\\w+/=-]*?[a-z])(?=[\\w+/=-]*?[A-Z])[\\w+/=-]{20,}+",
                        text -> hasRun(text, 20, c -> c < 128 && (Character.isLetterOrDigit(c) || "_+/=-".indexOf(c) >= 0))));
    }
}
