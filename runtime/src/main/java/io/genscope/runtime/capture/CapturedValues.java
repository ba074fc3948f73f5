package io.genscope.runtime.capture;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns captured objects into the metadata the store keeps: short names, lengths, flags and
 * lists of names. Never the content itself: a prompt becomes its length, not its text.
 */
public final class CapturedValues {

    /** Longest name kept (project ids, models, error types, dependencies). */
    public static final int MAX_NAME_LENGTH = 200;

    private CapturedValues() {
    }

    /** A name for a value: its text for strings, enums and numbers, a class name for types. */
    public static String name(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof Class<?> type ? type.getName()
                : value instanceof Enum<?> constant ? constant.name()
                : value.toString();
        return text.length() <= MAX_NAME_LENGTH ? text : text.substring(0, MAX_NAME_LENGTH);
    }

    /**
     * A length: the number itself, or the length or size of a text, collection, map or array.
     * -1 when the value is {@code null}.
     *
     * @throws CaptureException when the value has no length
     */
    public static int length(Object value) {
        if (value == null) {
            return -1;
        }
        if (value instanceof Number number) {
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
        throw new CaptureException("a " + value.getClass().getName() + " is not a boolean; point validation-ok at"
                + " a boolean field or method");
    }

    /** The elements of a collection, array or iterable; a single value is a one-element list. */
    public static List<Object> elements(Object value) {
        if (value == null) {
            return List.of();
        }
        List<Object> result = new ArrayList<>();
        if (value instanceof Iterable<?> iterable) {
            iterable.forEach(result::add);
        } else if (value.getClass().isArray()) {
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                result.add(Array.get(value, i));
            }
        } else {
            result.add(value);
        }
        return result;
    }

    /**
     * The names of the elements of a collection, skipping {@code null}s. A list of short strings
     * is returned as it is, without a copy: it is read when the validation or generation that
     * captured it ends, so a generator that changes such a list afterwards changes nothing here
     * except the raw event of that call.
     */
    @SuppressWarnings("unchecked")
    public static List<String> names(Object value) {
        if (value instanceof List<?> list && allShortStrings(list)) {
            return (List<String>) list;
        }
        List<Object> elements = elements(value);
        List<String> names = new ArrayList<>(elements.size());
        for (Object element : elements) {
            String name = name(element);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean allShortStrings(List<?> list) {
        for (int i = 0, n = list.size(); i < n; i++) {
            if (!(list.get(i) instanceof String text) || text.length() > MAX_NAME_LENGTH) {
                return false;
            }
        }
        return true;
    }
}
