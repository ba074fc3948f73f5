package io.genscope.runtime.privacy;

/** Cutting host text before anything else looks at it: only its first line, and only so much. */
final class Text {

    /** Marks a text that was cut. */
    static final String CUT = "…";

    private Text() {
    }

    /**
     * The first line of {@code text}, stripped, reading at most {@code limit} characters: a
     * message whose first line is blank yields {@code ""}, never its second line.
     */
    static String firstLine(String text, int limit) {
        int end = Math.min(text.length(), limit);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                end = i;
                break;
            }
        }
        return text.substring(0, end).strip();
    }

    /** {@code text} cut to {@code max} characters, with {@value #CUT} where it was cut. */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + CUT;
    }
}
