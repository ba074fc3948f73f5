package io.genscope.agent.config;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Finds {@code strict: true} in a config file that cannot be parsed (not UTF-8, not YAML, a key
 * given twice, nested too deep, too large), so that a user who asked for strict mode gets it for
 * those problems too, not only for the ones found in a file that parses.
 *
 * <p>The rule, which the README states: a line that starts, in its first column, with
 * {@code strict: true} (any case of {@code true}, quoted or not, with or without a trailing
 * comment). In block-style YAML, the only style the README shows, such a line is always the
 * top-level key. It is a line scan of the raw text, with no YAML parser, because the parser is
 * what failed; so {@code strict} given in a flow mapping ({@code {strict: true, ...}}) is not seen
 * in a broken file. A file that could not be read at all (missing, not a regular file) has no
 * text to scan: Genscope stays off with one ERROR line and the JVM starts.
 *
 * <p>The scan runs over at most {@link ConfigFile#MAX_BYTES} and its pattern cannot backtrack
 * beyond a line, so it is linear in the text. Stateless and thread-safe.
 */
final class StrictLine {

    private static final Pattern STRICT_TRUE = Pattern.compile(
            "^strict[ \\t]*:[ \\t]*(?:(?i:true)|\"(?i:true)\"|'(?i:true)')[ \\t\\r]*(?:#[^\\n]*)?$", Pattern.MULTILINE);

    private StrictLine() {
    }

    /** Whether {@code text} has a line {@code strict: true}. */
    static boolean in(String text) {
        return STRICT_TRUE.matcher(text.startsWith("\uFEFF") ? text.substring(1) : text).find();
    }

    /**
     * Whether {@code bytes}, which need not be UTF-8, have a line {@code strict: true}. They are read
     * one byte to a character, so the scan never fails and an ASCII line is found wherever it is.
     */
    static boolean in(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return in(text.startsWith("\u00EF\u00BB\u00BF") ? text.substring(3) : text);
    }
}
