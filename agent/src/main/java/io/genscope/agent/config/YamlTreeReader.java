package io.genscope.agent.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.genscope.agent.config.YamlNode.Scalar.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML (and so JSON) text into a {@link YamlNode} tree with line numbers, using Jackson's
 * streaming YAML parser because its tree model forgets where each value came from. The usual
 * config (no tag, anchor or second document, no problem) is read from SnakeYAML's events by
 * {@link YamlEventReader} into the same tree, without Jackson's parser running cold at start-up;
 * anything else, and every problem, goes through Jackson.
 *
 * <p>A key repeated in one mapping is a syntax error here: YAML forbids it, and silently keeping
 * the last value would hide a mistake.
 *
 * <p>The tree is bounded whatever the text holds, since a config has a known shape: a key or
 * value longer than {@link #MAX_SCALAR_LENGTH} characters, or nesting deeper than
 * {@link #MAX_DEPTH} levels, refuses the text (a config needs five levels and short values, so
 * neither is a config written by hand); and the depth bound keeps this recursive reader's stack
 * small. Only the first YAML document is read; a second one is reported, since whatever it says
 * would otherwise be silently ignored.
 */
final class YamlTreeReader {

    /**
     * The longest key or value read, in characters: room for any class name, glob, capture
     * expression or {@code redact} pattern, and a bound on every message that quotes a value.
     */
    static final int MAX_SCALAR_LENGTH = 4096;
    /** The deepest nesting of mappings and lists read; a rule's {@code capture.errors.each} is at 5. */
    static final int MAX_DEPTH = 32;


    private final JsonParser parser;
    private int depth;

    private YamlTreeReader(JsonParser parser) {
        this.parser = parser;
    }

    /** Made at first use: a usual config never needs it ({@link YamlEventReader}). */
    private static YAMLFactory factory() {
        return Factory.INSTANCE;
    }

    private static final class Factory {
        static final YAMLFactory INSTANCE = new YAMLFactory();
    }

    /**
     * Reads the first document of {@code text}.
     *
     * @param ignored told about a second document, which is not read
     * @return the root node, or {@code null} when the text holds no document (empty or only comments)
     * @throws YamlSyntaxException when the text is not YAML or exceeds a bound, with the line and a
     *                             one-line reason
     */
    static YamlNode read(String text, Complaint ignored) throws YamlSyntaxException {
        try {
            return YamlEventReader.read(text);
        } catch (YamlEventReader.OutsideSubset unusual) {
            return readThroughJackson(text, ignored);
        }
    }

    /** The same through Jackson's parser: for all text outside {@link YamlEventReader}'s subset, with every message. */
    static YamlNode readThroughJackson(String text, Complaint ignored) throws YamlSyntaxException {
        try (JsonParser parser = factory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            YamlNode root = new YamlTreeReader(parser).value(first, tokenLine(parser));
            reportSecondDocument(parser, ignored);
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException | RuntimeException e) {
            throw YamlSyntaxException.notYaml(0, "the YAML parser failed: " + e);
        }
    }

    /** Looks one token past the first document: whatever is there, valid YAML or not, is not read. */
    private static void reportSecondDocument(JsonParser parser, Complaint ignored) {
        int line;
        try {
            if (parser.nextToken() == null) {
                return;
            }
            line = tokenLine(parser);
        } catch (IOException | RuntimeException unreadable) {
            line = parser.currentLocation().getLineNr();
        }
        ignored.at(line, "", "a second YAML document starts here; Genscope reads only the first document of"
                + " the file, so merge the two or remove the '---' line between them");
    }

    private YamlNode value(JsonToken token, int line) throws IOException, YamlSyntaxException {
        return switch (token) {
            case START_OBJECT -> nested(line, true);
            case START_ARRAY -> nested(line, false);
            case VALUE_NULL -> scalar(line, Kind.NULL);
            case VALUE_TRUE -> scalar(line, Kind.TRUE);
            case VALUE_FALSE -> scalar(line, Kind.FALSE);
            default -> scalar(line, Kind.OTHER);
        };
    }

    private YamlNode.Scalar scalar(int line, Kind kind) throws IOException, YamlSyntaxException {
        return new YamlNode.Scalar(line, bounded(parser.getText(), "value"), kind);
    }

    private YamlNode nested(int line, boolean mapping) throws IOException, YamlSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw new YamlSyntaxException(line, "mappings and lists are nested more than " + MAX_DEPTH
                    + " levels deep here; a Genscope config needs 5 at most");
        }
        YamlNode node = mapping ? mapping(line) : sequence(line);
        depth--;
        return node;
    }

    private String bounded(String text, String what) throws YamlSyntaxException {
        if (text.length() > MAX_SCALAR_LENGTH) {
            throw new YamlSyntaxException(tokenLine(parser), "a " + what + " of " + text.length() + " characters; a key or value may"
                    + " have at most " + MAX_SCALAR_LENGTH);
        }
        return text;
    }

    private YamlNode.Mapping mapping(int line) throws IOException, YamlSyntaxException {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = bounded(parser.currentName(), "key");
            int keyLine = tokenLine(parser);
            YamlNode earlier = entries.put(key, value(parser.nextToken(), keyLine));
            if (earlier != null) {
                throw YamlSyntaxException.notYaml(keyLine, "key '" + key + "' appears twice in one mapping (also on line "
                        + earlier.line() + "); keep one of them");
            }
        }
        return new YamlNode.Mapping(line, entries);
    }

    private YamlNode.Sequence sequence(int line) throws IOException, YamlSyntaxException {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            items.add(value(token, tokenLine(parser)));
        }
        return new YamlNode.Sequence(line, items);
    }

    private static int tokenLine(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    /** Jackson's message spans several lines with a code excerpt; a problem line needs one sentence. */
    private static YamlSyntaxException syntaxError(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int jacksonLine = location == null ? 0 : location.getLineNr();
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark context = marked.getContextMark();
            String during = marked.getContext() == null ? ""
                    : " (" + marked.getContext() + (context == null ? "" : " that starts on line " + (context.getLine() + 1)) + ")";
            return YamlSyntaxException.notYaml(marked.getProblemMark().getLine() + 1, oneLine(marked.getProblem()) + during);
        }
        String message = e.getOriginalMessage();
        return YamlSyntaxException.notYaml(jacksonLine, oneLine(message.lines().findFirst().orElse(message)));
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
