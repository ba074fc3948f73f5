package io.genscope.runtime.capture;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;

/**
 * Turns captured objects into the metadata the store keeps: short names, lengths and flags.
 * Never the content itself: a prompt becomes its length, not its text.
 *
 * <p>Only values of known types are named, so a name never runs code of the host's own
 * classes: a name comes from a string, a number or text type of the JDK, a boolean, a
 * character, an enum constant ({@code name()}) or a class ({@code getName()}). Any other object
 * is refused with a {@link CaptureException} that names its class and nothing else; its
 * {@code toString}, {@code hashCode} and {@code equals} are never called (a {@code toString} may
 * block, throw, recurse through a cyclic structure or print content that must not be kept).
 * Collections are read element by element with a bound, by {@link CapturedElements}.
 *
 * <p>A length is the exception, on purpose: it runs the JDK interface method the capture names
 * ({@code length} is {@link CharSequence#length()}, {@code size} is {@link Collection#size()} or
 * {@link Map#size()}) on whatever object the path reached, as a getter step on the path runs the
 * getter. The config author named that method, and a prompt held in the host's own
 * {@code CharSequence} has no other length; so on an object of the host's class it is the
 * host's code, and on some JDK collections ({@code ConcurrentLinkedQueue}, {@code
 * ConcurrentSkipListSet}) a count that walks every element. A name has no such named method: it
 * would need {@code toString}, which is never called.
 */
public final class CapturedValues {

    /** Longest name kept (project ids, models, error types, dependencies). */
    public static final int MAX_NAME_LENGTH = 200;

    private static final Module JDK_BASE = Object.class.getModule();

    private CapturedValues() {
    }

    /**
     * A name for a value of a known type, cut to {@value #MAX_NAME_LENGTH} characters;
     * {@code null} for {@code null}.
     *
     * @throws CaptureException when the value is of any other type
     */
    public static String name(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return cut(text);
        }
        if (value instanceof Enum<?> constant) {
            return cut(constant.name());
        }
        if (value instanceof Class<?> type) {
            return cut(type.getName());
        }
        if (value instanceof Boolean || value instanceof Character || ofTheJdk(value) && value instanceof Number) {
            return cut(value.toString());
        }
        if (ofTheJdk(value) && value instanceof CharSequence text) {
            return (text.length() <= MAX_NAME_LENGTH ? text : text.subSequence(0, MAX_NAME_LENGTH)).toString();
        }
        throw new CaptureException(notAName(value));
    }

    /**
     * A length: the number itself (of the JDK's number types), or the length or size of a text,
     * collection, map or array, asked of the value whatever its class (see the class comment).
     * -1 when the value is {@code null}.
     *
     * @throws CaptureException when the value has no length
     */
    public static int length(Object value) {
        if (value == null) {
            return -1;
        }
        if (value instanceof Number number && ofTheJdk(value)) {
            return number.intValue();
        }
        if (value instanceof CharSequence text) {
            return text.length();
        }
        if (value instanceof Collection<?> collection) {
            return collection.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        if (value.getClass().isArray()) {
            return Array.getLength(value);
        }
        throw new CaptureException("a " + value.getClass().getName() + " has no length; point the capture at a"
                + " number, text, collection or array");
    }

    /**
     * A validation outcome. {@code null} when absent.
     *
     * @throws CaptureException when the value is not a boolean
     */
    public static Boolean flag(Object value) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new CaptureException("a " + value.getClass().getName() + " is not a boolean; point validation-ok or"
                + " success-when at a boolean field or method");
    }

    /**
     * A flag that must be there, such as {@code success-when}'s.
     *
     * @throws CaptureException when the value is {@code null} or not a boolean
     */
    public static boolean requiredFlag(Object value) {
        if (value == null) {
            throw new CaptureException("the value is null, not a boolean");
        }
        return flag(value);
    }

    private static String notAName(Object value) {
        String kind = value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Iterable<?>
                || value.getClass().isArray() ? " (a collection inside a collection is not read)" : "";
        return "a " + value.getClass().getName() + " is not a name" + kind + "; point the capture at a string,"
                + " number, boolean, enum or class, for example a field or getter of that object";
    }

    /** Whether {@code value}'s class is one of the JDK's own ({@code java.base}), whose methods run no host code. */
    private static boolean ofTheJdk(Object value) {
        return value.getClass().getModule() == JDK_BASE;
    }

    private static String cut(String text) {
        return text.length() <= MAX_NAME_LENGTH ? text : text.substring(0, MAX_NAME_LENGTH);
    }
}
