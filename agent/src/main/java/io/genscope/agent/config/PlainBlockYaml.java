package io.genscope.agent.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the small subset of YAML the bundled {@code defaults.yaml} is written in, without the YAML
 * parser: comment lines, and {@code key: value} lines nested by indentation, where a value is a
 * plain word ({@code 1h}, {@code 64MB}, {@code 127.0.0.1}, {@code off}), {@code ""} or {@code []},
 * or nothing, with the nested keys on the lines below. The tree is the one {@link YamlTreeReader}
 * reads from the same text, lines and scalar kinds included ({@code PlainBlockYamlTest} holds the
 * two side by side).
 *
 * <p>Why: the defaults are read at every start, and the YAML scanner runs cold then; reading them
 * this way leaves the parser only the user's file (a few milliseconds of every start, issue 14).
 * Anything outside the subset (a quote, a flow mapping, a tab, a key given twice) makes {@link #read} return {@code null}, and the caller reads the text
 * as YAML, so a new construct in the defaults costs time, never correctness.
 */
final class PlainBlockYaml {

    private final String[] lines;
    private int next;

    private PlainBlockYaml(String text) {
        this.lines = text.split("\n", -1);
    }

    /** The tree of {@code text}, or {@code null} when the text leaves the subset (or holds no key). */
    static YamlNode.Mapping read(String text) {
        PlainBlockYaml reader = new PlainBlockYaml(text);
        int indent = reader.nextIndent();
        if (indent != 0) {
            return null;
        }
        YamlNode.Mapping root = reader.mapping(0);
        return root != null && reader.nextIndent() == -1 ? root : null;
    }

    /** The keys at {@code indent} from the next line on, with what each holds; {@code null} outside the subset. */
    private YamlNode.Mapping mapping(int indent) {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        int firstLine = next + 1;
        while (nextIndent() == indent) {
            int line = next + 1;
            String content = lines[next++].strip();
            int colon = content.indexOf(':');
            if (colon <= 0 || !isWord(content.substring(0, colon), false)) {
                return null;
            }
            String key = content.substring(0, colon);
            String rest = content.substring(colon + 1);
            YamlNode value;
            if (rest.isEmpty()) {
                int nested = nextIndent();
                value = nested > indent ? mapping(nested) : null;
                value = value == null ? null : new YamlNode.Mapping(line, ((YamlNode.Mapping) value).entries());
            } else {
                value = rest.charAt(0) == ' ' ? scalar(rest.substring(1), line) : null;
            }
            if (value == null || entries.put(key, value) != null) {
                return null;
            }
        }
        return entries.isEmpty() ? null : new YamlNode.Mapping(firstLine, entries);
    }

    /** {@code ""}, {@code []} or a plain word, at {@code line}; {@code null} for anything else. */
    private static YamlNode scalar(String text, int line) {
        if (text.equals("\"\"")) {
            return new YamlNode.Scalar(line, "", YamlNode.Scalar.Kind.OTHER);
        }
        if (text.equals("[]")) {
            return new YamlNode.Sequence(line, List.of());
        }
        return isWord(text, true) ? new YamlNode.Scalar(line, text, YamlWords.kind(text)) : null;
    }

    /** Letters, digits and dashes; a value may also hold dots and underscores. */
    private static boolean isWord(String text, boolean value) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                    || value && (c == '.' || c == '_');
            if (!allowed) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /**
     * Moves past blank and comment lines; the indent of the next line with content, -1 at the end,
     * or -2 for a line this subset does not read (a tab, a document marker, a list item).
     */
    private int nextIndent() {
        while (next < lines.length) {
            String line = lines[next];
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            if (indent == line.length() || line.charAt(indent) == '#') {
                next++;
                continue;
            }
            char first = line.charAt(indent);
            return first == '\t' || first == '-' || line.indexOf('\t') >= 0 || line.endsWith("\r") ? -2 : indent;
        }
        return -1;
    }
}
