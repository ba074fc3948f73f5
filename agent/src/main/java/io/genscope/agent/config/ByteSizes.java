package io.genscope.agent.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as the config writes them: {@code 512KB}, {@code 64MB}, {@code 2GB} (binary units). */
final class ByteSizes {

    private static final Pattern SIZE = Pattern.compile("([0-9][0-9_]{0,12})\\s*([KMG])B", Pattern.CASE_INSENSITIVE);

    private ByteSizes() {
    }

    /** The bytes {@code text} stands for, or {@code null} when it is not a size. */
    static Long parse(String text) {
        Matcher size = SIZE.matcher(text.trim());
        if (!size.matches()) {
            return null;
        }
        long number = Long.parseLong(size.group(1).replace("_", ""));
        int shift = switch (size.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            default -> 30;
        };
        return number << shift;
    }

    /** {@code bytes} in the largest unit that divides it: {@code 64MB}. */
    static String format(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "GB";
        }
        return bytes % (1L << 20) == 0 ? (bytes >> 20) + "MB" : (bytes >> 10) + "KB";
    }
}
