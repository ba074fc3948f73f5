package io.genscope.agent.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.analytics.compare.AbComparison;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * The summary as one JSON document, for scripts:
 * <pre>{@code
 * {"windowSeconds": n, "summary": {...}, "byModel": {"<model>": {...}},
 *  "variants": {"windowSeconds": n, "baseline": "v1", "note": "",
 *               "comparisons": {"v2": {"variant": "v2", "baseline": "v1", "outcome": "BETTER",
 *                                      "verdict": "v2 better", "moreGenerationsNeeded": 0,
 *                                      "successRate": {...}, "firstPassRate": {...},
 *                                      "generationTimeP95Millis": ..., ...}}}}
 * }</pre>
 * Each figures object has one field per component of {@link AnalyticsSummary}, and
 * {@code variants} one per component of {@link AbComparison} (its comparisons and their rates
 * likewise, as the Variants MBean shows them), under the same names: counts as integers, rates
 * and differences as fractions, times in milliseconds, outcomes as their names, tables as objects
 * keyed by name in the server's order. {@code variants} is left out when the agent has no Variants
 * MBean. Written from the records' components, so a figure added to the runtime appears here with
 * no change.
 */
final class SummaryJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private SummaryJson() {
    }

    static String write(TelemetryFigures figures) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("windowSeconds", figures.overall().windowSeconds());
            json.writeFieldName("summary");
            value(json, figures.overall());
            json.writeFieldName("byModel");
            value(json, figures.byModel());
            if (figures.variants().isPresent()) {
                json.writeFieldName("variants");
                value(json, figures.variants().get());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Long count) {
            json.writeNumber(count);
        } else if (value instanceof Double figure) {
            json.writeNumber(figure);
        } else if (value instanceof String || value instanceof Enum<?>) {
            json.writeString(value.toString());
        } else if (value instanceof Record record) {
            json.writeStartObject();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                json.writeFieldName(component.getName());
                value(json, read(component, record));
            }
            json.writeEndObject();
        } else {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                json.writeFieldName((String) entry.getKey());
                value(json, entry.getValue());
            }
            json.writeEndObject();
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
