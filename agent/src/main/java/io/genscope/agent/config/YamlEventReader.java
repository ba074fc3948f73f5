package io.genscope.agent.config;

import io.genscope.agent.config.YamlNode.Scalar.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The usual config, read from SnakeYAML's events directly: one document of mappings, lists and
 * scalars with no tag or anchor, unique keys, within {@link YamlTreeReader}'s bounds. It gives the
 * tree {@link YamlTreeReader} reads through Jackson (lines and scalar kinds included;
 * {@code YamlEventReaderTest} holds the two side by side), without Jackson's parser and its
 * factory, which cost about as much again as SnakeYAML's own scanning when they run cold at start.
 *
 * <p>Anything else (a tag, an anchor or alias, a non-scalar key, a key given twice, a second
 * document, a bound exceeded, any syntax error) throws {@link OutsideSubset}, and the caller reads
 * the text through Jackson as before, so every message about a bad file stays exactly what it was.
 */
final class YamlEventReader {

    /** This text is left to Jackson. Thrown without a stack trace: it is an answer, not a failure. */
    static final class OutsideSubset extends Exception {

        private static final long serialVersionUID = 1L;

        OutsideSubset() {
            super(null, null, false, false);
        }
    }

    private static final OutsideSubset OUTSIDE = new OutsideSubset();

    private final Parser parser;
    private int depth;

    private YamlEventReader(Parser parser) {
        this.parser = parser;
    }

    /**
     * The root of the only document in {@code text}, or {@code null} when it holds none.
     *
     * @throws OutsideSubset when the text is not the usual config, or not YAML at all
     */
    static YamlNode read(String text) throws OutsideSubset {
        try {
            YamlEventReader reader = new YamlEventReader(new ParserImpl(new StreamReader(text), new LoaderOptions()));
            reader.expect(reader.parser.getEvent() instanceof StreamStartEvent);
            Event start = reader.parser.getEvent();
            if (start instanceof StreamEndEvent) {
                return null;
            }
            reader.expect(start instanceof DocumentStartEvent);
            Event first = reader.parser.getEvent();
            YamlNode root = reader.value(first, line(first));
            reader.expect(reader.parser.getEvent() instanceof DocumentEndEvent);
            reader.expect(reader.parser.getEvent() instanceof StreamEndEvent);
            return root;
        } catch (RuntimeException notYaml) {
            throw OUTSIDE;
        }
    }

    private YamlNode value(Event event, int line) throws OutsideSubset {
        expect(event instanceof NodeEvent node && node.getAnchor() == null);
        if (event instanceof ScalarEvent scalar) {
            expect(scalar.getTag() == null);
            Kind kind = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN ? YamlWords.kind(scalar.getValue())
                    : Kind.OTHER;
            return new YamlNode.Scalar(line, bounded(scalar.getValue()), kind);
        }
        expect(++depth <= YamlTreeReader.MAX_DEPTH);
        YamlNode nested;
        if (event instanceof MappingStartEvent mapping) {
            expect(mapping.getTag() == null);
            nested = mapping(line);
        } else if (event instanceof SequenceStartEvent sequence) {
            expect(sequence.getTag() == null);
            nested = sequence(line);
        } else {
            throw OUTSIDE;
        }
        depth--;
        return nested;
    }

    private YamlNode.Mapping mapping(int line) throws OutsideSubset {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (Event key = parser.getEvent(); !(key instanceof MappingEndEvent); key = parser.getEvent()) {
            expect(key instanceof ScalarEvent scalar && scalar.getTag() == null && scalar.getAnchor() == null);
            String name = bounded(((ScalarEvent) key).getValue());
            YamlNode earlier = entries.put(name, value(parser.getEvent(), line(key)));
            expect(earlier == null);
        }
        return new YamlNode.Mapping(line, entries);
    }

    private YamlNode.Sequence sequence(int line) throws OutsideSubset {
        List<YamlNode> items = new ArrayList<>();
        for (Event item = parser.getEvent(); !(item instanceof SequenceEndEvent); item = parser.getEvent()) {
            items.add(value(item, line(item)));
        }
        return new YamlNode.Sequence(line, items);
    }

    private static String bounded(String text) throws OutsideSubset {
        expect(text.length() <= YamlTreeReader.MAX_SCALAR_LENGTH);
        return text;
    }

    private static void expect(boolean usual) throws OutsideSubset {
        if (!usual) {
            throw OUTSIDE;
        }
    }

    /** The 1-based line where the event starts, as Jackson gives a token's line. */
    private static int line(Event event) {
        return event.getStartMark().getLine() + 1;
    }
}
