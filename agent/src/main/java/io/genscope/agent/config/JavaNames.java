package io.genscope.agent.config;

import java.util.regex.Pattern;

/**
 * The syntax of the Java names a rule may give, and the matching of name globs. Names are
 * checked for form only; whether such a class or method exists is only known as classes load.
 */
final class JavaNames {

    private static final String IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    private static final String QUALIFIED = IDENTIFIER + "(?:\\." + IDENTIFIER + ")*";
    private static final String GLOB_PART = "[\\p{javaJavaIdentifierPart}*?]+";

    private static final Pattern TYPE_NAME = Pattern.compile(QUALIFIED);
    private static final Pattern PARAMETER_TYPE = Pattern.compile(QUALIFIED + "(?:\\[])*");
    private static final Pattern CLASS_GLOB = Pattern.compile(GLOB_PART + "(?:\\." + GLOB_PART + ")*");
    private static final Pattern METHOD_NAME = Pattern.compile(IDENTIFIER);
    private static final Pattern METHOD_GLOB = Pattern.compile(GLOB_PART);

    private JavaNames() {
    }

    /** A binary type name such as {@code com.acme.Generator} or {@code com.acme.Outer$Inner}. */
    static boolean isTypeName(String text) {
        return TYPE_NAME.matcher(text).matches();
    }

    /** A parameter type: a type name or primitive, then any number of {@code []}. */
    static boolean isParameterType(String text) {
        return PARAMETER_TYPE.matcher(text).matches();
    }

    /** Whether {@code text} has a {@code *} or {@code ?} and so is a glob, not a name. */
    static boolean isGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    /** A class name, or a glob of one: dot-separated parts of name characters, {@code *} and {@code ?}. */
    static boolean isClassPattern(String text) {
        return isGlob(text) ? CLASS_GLOB.matcher(text).matches() : isTypeName(text);
    }

    /** A method name, or a glob of one. */
    static boolean isMethodPattern(String text) {
        return (isGlob(text) ? METHOD_GLOB : METHOD_NAME).matcher(text).matches();
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
