package io.genscope.runtime.privacy;

import java.util.ArrayList;
import java.util.List;
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
 * 3,136 reads.
 *
 * <p>Thread-safe: patterns are immutable and each match has its own {@link CountedText}.
 */
public final class Redactor {

    /** What a match becomes; what a whole text becomes when a pattern runs out of budget. */
    public static final String MASK = "***";

    static final int READS_PER_CHAR = 64;
    static final int BASE_READS = 1024;

    /**
     * The {@code redacted} mode's built-in patterns, each linear on its own (a lookbehind lets a
     * run of word characters be tried from its start only): quoted text, e-mail addresses,
     * secret assignments, secret-looking tokens, long hexadecimal and base64-like runs.
     */
    public static final List<Pattern> BUILT_IN = List.of(
            // quoted text: what compilers and linters quote is the user's code
            Pattern.compile("'[^']*+'?|\"[^\"]*+\"?|`[^`]*+`?|\u2018[^\u2019]*+\u2019?|\u201c[^\u201d]*+\u201d?"),
            // e-mail addresses
            Pattern.compile("(?<![\\w.+-])[\\w.+-]++@[\\w-]++(?:\\.[\\w-]++)+"),
            // password=…, token: …, api-key …
            Pattern.compile("(?i)\\b(?:password|passwd|pwd|secret|token|api[-_]?key|authorization)\\b\\s*+[:=]\\s*+\\S++"
                    + "|(?i)\\bbearer\\s++\\S++"),
            // well-known key prefixes: sk-live-…, pk_test_…, ghp_…, xoxb-…, AKIA…, glpat-…
            Pattern.compile("(?<![\\w-])(?:(?:sk|pk|rk)[-_](?:live|test|proj)|gh[pousr]_|xox[abprs]-|AKIA|AIza|glpat-)[\\w-]*+"),
            // long hexadecimal runs (hashes, ids, keys) with at least one digit
            Pattern.compile("\\b(?=[0-9a-fA-F]*?[0-9])[0-9a-fA-F]{16,}+\\b"),
            // base64-like runs of 20 or more, mixing upper case, lower case and digits
            Pattern.compile("(?<![\\w+/=-])(?=[\\w+/=-]*?\\d)(?=[\\w+/=-]*?[a-z])(?=[\\w+/=-]*?[A-Z])[\\w+/=-]{20,}+"));

    private final List<Pattern> patterns;

    public Redactor(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The built-in patterns followed by {@code extra}. */
    public static Redactor withBuiltIns(List<Pattern> extra) {
        List<Pattern> all = new ArrayList<>(BUILT_IN);
        all.addAll(extra);
        return new Redactor(all);
    }

    /** {@code text} with every match of every pattern masked, or {@value #MASK} when one ran out of budget. */
    public String redact(String text) {
        String result = text;
        for (Pattern pattern : patterns) {
            try {
                result = pattern.matcher(new CountedText(result, budget(result))).replaceAll(MASK);
            } catch (CountedText.Exhausted | StackOverflowError exhausted) {
                return MASK;
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
}
