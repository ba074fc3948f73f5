package io.genscope.runtime.privacy;

/**
 * A text that a {@link java.util.regex.Matcher} may read only so many times: every
 * {@link #charAt} counts, and the read past the budget throws {@link Exhausted}. This is how
 * Genscope bounds the work of a regular expression it runs on the host's thread.
 *
 * <p>Why this and not a linear-time engine such as RE2/J: {@code java.util.regex} reads its input
 * only through {@link CharSequence#charAt} (directly or through {@link Character#codePointAt}),
 * and every step of its backtracking reads a character, so counting reads bounds the steps, and
 * with them the time, of any pattern, user patterns included. It needs no third-party engine on
 * the bootstrap class path (where the runtime lives, JDK only) and keeps Java's regex syntax that
 * users already write in {@code store.redact}. What it does not give is RE2's "always answers":
 * a pattern that exhausts the budget gets no answer, and the caller then fails closed (masks the
 * whole text), which for redaction is the safe side.
 *
 * <p>Not thread-safe: one instance per match, on one thread.
 */
final class CountedText implements CharSequence {

    /** Thrown when the budget is spent; shared and without a stack trace, as it is expected. */
    static final class Exhausted extends RuntimeException {

        static final Exhausted INSTANCE = new Exhausted();

        private Exhausted() {
            super("regular expression read budget spent", null, false, false);
        }
    }

    private final String text;
    private int reads;

    /** @param reads how many character reads the matcher may make before it is stopped */
    CountedText(String text, int reads) {
        this.text = text;
        this.reads = reads;
    }

    @Override
    public char charAt(int index) {
        if (--reads < 0) {
            throw Exhausted.INSTANCE;
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    /** Used by the matcher to hand out groups and replacement input, never to search: not counted. */
    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
