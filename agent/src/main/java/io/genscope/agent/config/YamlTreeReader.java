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
 * streaming YAML parser because its tree model forgets where each value came from.
 *
 * <p>A key repeated in one mapping is a syntax error here: YAML forbids it, and silently keeping
 * the last value would hide a mistake.
 */
final class YamlTreeReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final JsonParser parser;

    private YamlTreeReader(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Reads the first document of {@code text}.
     *
     * @return the root node, or {@code null} when the text holds no document (empty or only comments)
     * @throws YamlSyntaxException when the text is not YAML, with the line and a one-line reason
     */
    static YamlNode read(String text) throws YamlSyntaxException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : new YamlTreeReader(parser).value(first, tokenLine(parser));
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException | RuntimeException e) {
            throw new YamlSyntaxException(0, "the YAML parser failed: " + e);
        }
    }

    private YamlNode value(JsonToken token, int line) throws IOException, YamlSyntaxException {
        return switch (token) {
            case START_OBJECT -> mapping(line);
            case START_ARRAY -> sequence(line);
            case VALUE_NULL -> scalar(line, Kind.NULL);
            case VALUE_TRUE -> scalar(line, Kind.TRUE);
            case VALUE_FALSE -> scalar(line, Kind.FALSE);
            default -> scalar(line, Kind.OTHER);
        };
    }

    private YamlNode.Scalar scalar(int line, Kind kind) throws IOException {
        return new YamlNode.Scalar(line, parser.getText(), kind);
    }

    private YamlNode.Mapping mapping(int line) throws IOException, YamlSyntaxException {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = tokenLine(parser);
            YamlNode earlier = entries.put(key, value(parser.nextToken(), keyLine));
            if (earlier != null) {
                throw new YamlSyntaxException(keyLine, "key '" + key + "' appears twice in one mapping (also on line "
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
            return new YamlSyntaxException(marked.getProblemMark().getLine() + 1, oneLine(marked.getProblem()) + during);
        }
        String message = e.getOriginalMessage();
        return new YamlSyntaxException(jacksonLine, oneLine(message.lines().findFirst().orElse(message)));
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
