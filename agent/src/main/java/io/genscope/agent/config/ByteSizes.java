package io.genscope.agent.config;


/** Sizes as the config writes them: {@code 512KB}, {@code 64MB}, {@code 2GB} (binary units). */
final class ByteSizes {

    /** The most digits and underscores a size's number may have. */
    private static final int MAX_NUMBER_LENGTH = 13;

    private ByteSizes() {
    }

    /**
     * The bytes {@code text} stands for: a digit, up to 12 more digits or {@code _}, optional blanks, then {@code KB}, {@code MB} or
     * {@code GB} in any case; {@code null} for anything else. Read by hand rather than by a regular
     * expression: it runs at every start, where compiling one costs more than the whole read.
     */
    static Long parse(String text) {
        String size = text.trim();
        int end = 0;
        while (end < size.length() && isNumberChar(size.charAt(end), end == 0)) {
            end++;
        }
        if (end == 0 || end > MAX_NUMBER_LENGTH) {
            return null;
        }
        long number = Long.parseLong(size.substring(0, end).replace("_", ""));
        int unit = end;
        while (unit < size.length() && isBlank(size.charAt(unit))) {
            unit++;
        }
        if (unit + 2 != size.length() || Character.toUpperCase(size.charAt(unit + 1)) != 'B') {
            return null;
        }
        return switch (Character.toUpperCase(size.charAt(unit))) {
            case 'K' -> number << 10;
            case 'M' -> number << 20;
            case 'G' -> number << 30;
            default -> null;
        };
    }

    private static boolean isNumberChar(char c, boolean first) {
        return c >= '0' && c <= '9' || !first && c == '_';
    }

    /** What a regular expression's {@code \s} matches. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@code bytes} in the largest unit that divides it: {@code 64MB}. */
    static String format(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "GB";
        }
        return bytes % (1L << 20) == 0 ? (bytes >> 20) + "MB" : (bytes >> 10) + "KB";
    }
}
