package io.genscope.agent.config;

/**
 * The syntax of the Java names a rule may give, and the matching of name globs. Names are
 * checked for form only; whether such a class or method exists is only known as classes load.
 */
final class JavaNames {

    private JavaNames() {
    }

    /** A binary type name such as {@code com.acme.Generator} or {@code com.acme.Outer$Inner}. */
    static boolean isTypeName(String text) {
        return isQualified(text, text.length());
    }

    /** A parameter type: a type name or primitive, then any number of {@code []}. */
    static boolean isParameterType(String text) {
        int end = text.length();
        while (end >= 2 && text.startsWith("[]", end - 2)) {
            end -= 2;
        }
        return isQualified(text, end);
    }

    /** Whether {@code text} has a {@code *} or {@code ?} and so is a glob, not a name. */
    static boolean isGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    /** A class name, or a glob of one: dot-separated parts of name characters, {@code *} and {@code ?}. */
    static boolean isClassPattern(String text) {
        return isGlob(text) ? isGlobOfParts(text, true) : isTypeName(text);
    }

    /** A method name, or a glob of one. */
    static boolean isMethodPattern(String text) {
        return isGlob(text) ? isGlobOfParts(text, false) : isIdentifier(text);
    }

    /*
     * The checks below walk code points by hand rather than through regular expressions: they run
     * at every start, where compiling the expressions ({@code \p{javaJavaIdentifierStart}} and
     * the like) cost more than the whole config read.
     */

    /** Dot-separated identifiers making up {@code text} up to {@code end}. */
    private static boolean isQualified(String text, int end) {
        boolean partStarts = true;
        for (int i = 0; i < end; ) {
            int c = text.codePointAt(i);
            if (partStarts) {
                if (!Character.isJavaIdentifierStart(c)) {
                    return false;
                }
                partStarts = false;
            } else if (c == '.') {
                partStarts = true;
            } else if (!Character.isJavaIdentifierPart(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return !partStarts;
    }

    private static boolean isIdentifier(String text) {
        return text.indexOf('.') < 0 && isQualified(text, text.length());
    }

    /** Non-empty parts of identifier characters, {@code *} and {@code ?}, separated by dots if {@code dotted}. */
    private static boolean isGlobOfParts(String text, boolean dotted) {
        boolean partStarts = true;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (dotted && c == '.' && !partStarts) {
                partStarts = true;
            } else if (c == '*' || c == '?' || Character.isJavaIdentifierPart(c)) {
                partStarts = false;
            } else {
                return false;
            }
            i += Character.charCount(c);
        }
        return !partStarts;
    }

    /** The part after the last dot: {@code CodeGenerator} for {@code com.acme.CodeGenerator}. */
    static String simpleName(String typeName) {
        return typeName.substring(typeName.lastIndexOf('.') + 1);
    }

    /**
     * Whether {@code glob} matches all of {@code text}: {@code *} matches any run of characters
     * (dots included), {@code ?} any one character, anything else itself. Linear in the usual case
     * and allocation-free, since matchers run for every class that loads.
     */
    static boolean globMatches(String glob, String text) {
        int g = 0;
        int t = 0;
        int star = -1;
        int starText = 0;
        while (t < text.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == text.charAt(t))) {
                g++;
                t++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                starText = t;
            } else if (star >= 0) {
                g = star + 1;
                t = ++starText;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }
}
