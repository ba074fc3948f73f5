package io.genscope.runtime.privacy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes the type of a validation error a short, stable identifier, whatever string the generator
 * gives: error types are counted by value and shown to every JMX reader (read-only ones included)
 * in {@code TopValidationErrors}, so when the errors are plain compiler lines the whole line,
 * quoted code and all, must not become the type.
 *
 * <p>From the first line only (cut to {@value #SCAN_LENGTH} characters), the type is, first
 * that applies:
 * <ol>
 *   <li>group 1 of the rule's {@code type-pattern}, when it matches;</li>
 *   <li>the line itself, without a leading location ({@code Foo.java:3:}, or a whole line that is
 *       one such as {@code src/com/acme/Foo.java:12:5}), when it is one token (a diagnostic key, a
 *       code, an enum constant, a class name: no space, no quote, at least one letter) and not a
 *       file path ({@code /tmp/x}, {@code src/com/acme/Foo.java}: a path names the user's files,
 *       which every JMX reader would see);</li>
 *   <li>a code in a well-known format: {@code error TS2304:} (tsc, also C# {@code CS0103} and
 *       Rust {@code error[E0425]}), {@code app.py:3:1: F821} (flake8, ruff, pylint), a rule at
 *       the end in brackets or parentheses ({@code [Error/no-undef]}, {@code (no-undef)}, mypy's
 *       {@code [name-defined]}), ESLint's stylish {@code 3:10  error  …  no-undef}, a Python
 *       exception ({@code NameError: …}), a javac key ({@code compiler.err.…});</li>
 *   <li>otherwise the line's shape: location ({@code Foo.java:3:}) and severity ({@code error:})
 *       removed, cut at the first {@code :} or {@code ;} (javac's "summary: details"), quoted
 *       text removed, and of the words only those of lower-case letters kept (the first may be
 *       capitalised); any other word (identifiers, numbers, paths) becomes {@code _}. So
 *       {@code Foo.java:3: error: incompatible types: String cannot be converted to int} becomes
 *       {@code incompatible types}.</li>
 * </ol>
 * The result is then redacted like a message (built-in patterns and {@code store.redact}) and cut
 * to {@value #MAX_LENGTH} characters. An empty result is {@value #UNKNOWN}.
 *
 * <p>An exception's class is no user content and is not a string to derive from: {@link #ofClass}
 * keeps its name as it is, only cut. Redacting it would mask a class name the base64-like
 * built-in pattern matches ({@code com.acme.OpenApi3SpecValidationException} would become
 * {@code com.acme.***}) and merge different exceptions into one type.
 *
 * <p><b>Note:</b> the shape keeps words of lower-case letters, since messages are made of them;
 * an identifier of the generated code written in lower-case letters only, and not quoted, can
 * therefore appear in a type derived from a format Genscope does not know. Give such generators
 * a {@code type-pattern}, or a {@code type} capture.
 *
 * <p>Thread-safe; bounded work per call (every pattern runs under a {@link CountedText} budget).
 */
public final class ErrorTypes {

    /** Longest type kept. */
    public static final int MAX_LENGTH = 100;
    /** Longest type kept, the mark of a cut type included. */
    public static final int MAX_KEPT_LENGTH = MAX_LENGTH + Text.CUT.length();
    /** The type of an error that gives nothing to derive one from. */
    public static final String UNKNOWN = "(unknown)";
    static final int SCAN_LENGTH = 512;

    private static final String QUOTES = "'\"`\u2018\u201c";
    private static final String CLOSING_QUOTES = "'\"`\u2019\u201d";

    private final Redactor redactor;

    /** @param redactor applied to every type, as to messages: built-in patterns and {@code store.redact} */
    public ErrorTypes(Redactor redactor) {
        this.redactor = redactor;
    }

    /**
     * The type to keep for {@code given}.
     *
     * @param typePattern the rule's {@code type-pattern}, or {@code null}
     */
    public String type(String given, Pattern typePattern) {
        if (given == null) {
            return UNKNOWN;
        }
        String line = Text.firstLine(given, SCAN_LENGTH);
        String type = typePattern == null ? null : Redactor.firstGroup(typePattern, line);
        if (type == null) {
            String token = without(line, Patterns.LOCATION);
            type = isToken(token) && !isPath(token) ? token : knownCode(line);
        }
        if (type == null) {
            type = shape(line);
        }
        type = Text.cut(redactor.redact(type.strip()), MAX_LENGTH);
        return type.isEmpty() ? UNKNOWN : type;
    }

    /**
     * The type of an error that is an exception of class {@code type}: its name, cut to
     * {@value #MAX_LENGTH} characters, neither derived nor redacted (see the class comment).
     */
    public static String ofClass(Class<?> type) {
        return Text.cut(type.getName(), MAX_LENGTH);
    }

    private static boolean isToken(String line) {
        boolean letter = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (!Character.isDigit(c) && "._$-/:@#".indexOf(c) < 0) {
                return false;
            }
        }
        return letter;
    }

    /**
     * Whether a token is a file path: absolute, or a file name with an extension after a
     * {@code /}. Rule names with a slash ({@code import/no-unresolved},
     * {@code @typescript-eslint/no-unused-vars}) and class names are not.
     */
    private static boolean isPath(String token) {
        int slash = token.lastIndexOf('/');
        return token.startsWith("/") || slash >= 0 && token.indexOf('.', slash) > slash;
    }

    private static String knownCode(String line) {
        for (GuardedPattern format : Patterns.KNOWN_CODES) {
            String code = format.mayMatch().test(line) ? Redactor.firstGroup(format.pattern(), line) : null;
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /** The line's words of lower-case letters; everything else becomes {@code _}. */
    private static String shape(String line) {
        String text = without(without(line, Patterns.LOCATION), Patterns.SEVERITY);
        StringBuilder shape = new StringBuilder();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == ';') {
                break;
            }
            int quote = QUOTES.indexOf(c);
            if (quote >= 0) {
                int end = text.indexOf(CLOSING_QUOTES.charAt(quote), i + 1);
                if (end < 0) {
                    break;
                }
                word.append('_');
                i = end;
            } else if (Character.isWhitespace(c)) {
                appendWord(shape, word);
            } else {
                word.append(c);
            }
        }
        appendWord(shape, word);
        return shape.toString();
    }

    /** {@code text} without what {@code prefix}, anchored at the start, matches as group 1. */
    private static String without(String text, Pattern prefix) {
        String match = Redactor.firstGroup(prefix, text);
        return match == null ? text : text.substring(match.length());
    }

    /** Adds {@code word} (then emptied) to {@code shape}: itself when it is a word, else one {@code _} for a run. */
    private static void appendWord(StringBuilder shape, StringBuilder word) {
        String trimmed = trimPunctuation(word);
        word.setLength(0);
        String kept = isWord(trimmed, shape.isEmpty()) ? trimmed : "_";
        boolean afterPlaceholder = shape.length() > 0 && shape.charAt(shape.length() - 1) == '_';
        if (kept.isEmpty() || kept.equals("_") && afterPlaceholder) {
            return;
        }
        if (!shape.isEmpty()) {
            shape.append(' ');
        }
        shape.append(kept);
    }

    private static String trimPunctuation(CharSequence word) {
        int start = 0;
        int end = word.length();
        while (start < end && ".,!?()[]{}".indexOf(word.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && ".,!?()[]{}".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.subSequence(start, end).toString();
    }

    /** Lower-case letters (with inner hyphens); the first word of the line may be capitalised. */
    private static boolean isWord(String word, boolean first) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z'
                    || i == 0 && first && c >= 'A' && c <= 'Z'
                    || c == '-' && i > 0 && i < word.length() - 1;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * The patterns, compiled on the first error to type rather than when the store is built: at
     * the agent's start-up their regular expressions and guards cost milliseconds for every JVM,
     * most of which never record an error message.
     */
    private static final class Patterns {

        private static final String RULE_ID = "(@?[A-Za-z][\\w-]*+(?:/[\\w-]++)*+)";
        static final List<GuardedPattern> KNOWN_CODES = List.of(
                new GuardedPattern("\\b(?:error|warning)\\s*+\\[?([A-Z]{1,4}\\d{3,5})\\]?:",
                        line -> line.contains("error") || line.contains("warning")),
                new GuardedPattern(":\\d++(?::\\d++)?:\\s*+([A-Z]{1,3}\\d{3,4})\\b", line -> line.indexOf(':') >= 0),
                new GuardedPattern("\\[(?:(?:Error|Warning)/)?" + RULE_ID + "\\]\\s*+$", line -> line.endsWith("]")),
                new GuardedPattern("\\((@?[a-z]\\w*+(?:[-/]\\w++)++)\\)\\s*+$", line -> line.endsWith(")")),
                new GuardedPattern("^\\s*+\\d++:\\d++\\s++(?:error|warning)\\s.*\\s(@?[a-z][\\w-]*+(?:/[\\w-]++)*+)\\s*+$",
                        line -> !line.isEmpty() && Character.isDigit(line.charAt(0))),
                new GuardedPattern("^\\s*+((?:[A-Za-z_]\\w*+\\.)*+[A-Z]\\w*?(?:Error|Exception|Warning))(?::|\\s*+$)",
                        line -> line.contains("Error") || line.contains("Exception") || line.contains("Warning")),
                new GuardedPattern("\\b(compiler\\.(?:err|warn|misc|note)\\.[\\w.]++)", line -> line.contains("compiler.")));
        /** A leading {@code Foo.java:3:} or {@code app.py:3:1:}, or a line that is only {@code Foo.java:3:5}, as group 1. */
        static final Pattern LOCATION = Pattern.compile("^(\\s*+[^\\s:]*+(?::\\d++)++(?::\\s*+|\\s*+$))");
        /** A leading {@code error:}, as group 1. */
        static final Pattern SEVERITY = Pattern.compile("^((?i)(?:fatal error|error|warning|note)\\s*+:\\s*+)");
    }
}
