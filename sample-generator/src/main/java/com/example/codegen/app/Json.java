package com.example.codegen.app;

import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings and numbers as one line of JSON: all the ground-truth line needs, without
 * giving the sample a dependency.
 */
final class Json {

    private Json() {
    }

    /**
     * @param value a {@link Map} (keys written as strings, in the map's order), {@link List},
     *              {@link String} or {@link Number}, nested as deep as needed
     * @throws IllegalArgumentException for any other type
     */
    static String write(Object value) {
        StringBuilder json = new StringBuilder();
        append(json, value);
        return json.toString();
    }

    private static void append(StringBuilder json, Object value) {
        if (value instanceof Map<?, ?> map) {
            json.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.append(separator);
                appendString(json, String.valueOf(entry.getKey()));
                json.append(':');
                append(json, entry.getValue());
                separator = ",";
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            String separator = "";
            for (Object element : list) {
                json.append(separator);
                append(json, element);
                separator = ",";
            }
            json.append(']');
        } else if (value instanceof String text) {
            appendString(json, text);
        } else if (value instanceof Number number) {
            json.append(number);
        } else {
            throw new IllegalArgumentException("cannot write as JSON: " + value);
        }
    }

    /** Escapes only what RFC 8259 requires: quote, backslash and control characters. */
    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
