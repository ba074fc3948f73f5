package io.genscope.agent.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.analytics.BreakdownRow;
import io.genscope.runtime.analytics.compare.AbComparison;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * The summary as one JSON document, for scripts:
 * <pre>{@code
 * {"windowSeconds": n, "summary": {...}, "byModel": {"<model>": {...}},
 *  "variants": {"windowSeconds": n, "baseline": "v1", "note": "",
 *               "comparisons": {"v2": {"variant": "v2", "baseline": "v1", "outcome": "BETTER",
 *                                      "verdict": "v2 better", "moreGenerationsNeeded": 0,
 *                                      "successRate": {...}, "firstPassRate": {...},
 *                                      "generationTimeP95Millis": ..., ...}}},
 *  "requests": {...},
 *  "breakdowns": {"variant": {"<value>": {...}}, "project": {...}, ...}}
 * }</pre>
 * Each figures object has one field per component of {@link AnalyticsSummary}, {@code variants}
 * one per component of {@link AbComparison} (its comparisons and their rates likewise, as the
 * Variants MBean shows them), and {@code requests} one per component of
 * {@link io.genscope.runtime.analytics.RequestSummary} (since start), under the same names:
 * counts as integers, rates and differences as fractions, times in milliseconds, outcomes as their
 * names, tables as objects keyed by name in the server's order. {@code variants} is left out when
 * the agent has no Variants MBean, {@code requests} when no rule has the role {@code request}.
 * Written from the records' components, so a figure added to the runtime appears here with no
 * change. {@code breakdowns} has, per captured dimension, its values most generations first, each
 * with its counts, rates, times and prompt lengths.
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
            if (figures.requests() != null) {
                json.writeFieldName("requests");
                value(json, figures.requests());
            }
            breakdowns(json, figures.breakdowns());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * {@code "breakdowns": {"variant": {"prompt-v1": {...}}}}: per captured dimension, its values
     * most generations first, each with its counts, its rates and its times and prompt lengths.
     */
    private static void breakdowns(JsonGenerator json, Map<String, List<BreakdownRow>> breakdowns) throws IOException {
        json.writeObjectFieldStart("breakdowns");
        for (Map.Entry<String, List<BreakdownRow>> dimension : breakdowns.entrySet()) {
            json.writeObjectFieldStart(dimension.getKey());
            for (BreakdownRow row : dimension.getValue()) {
                json.writeObjectFieldStart(row.value());
                json.writeNumberField("generations", row.generations());
                json.writeNumberField("successRate", row.successRate());
                json.writeNumberField("firstPassRate", row.firstPassRate());
                json.writeNumberField("averageRetries", row.averageRetries());
                json.writeNumberField("validationFailureRate", row.validationFailureRate());
                json.writeNumberField("generationTimeP50Millis", row.generationTimeP50Millis());
                json.writeNumberField("generationTimeP95Millis", row.generationTimeP95Millis());
                json.writeNumberField("averagePromptLength", row.averagePromptLength());
                json.writeNumberField("promptLengthP50", row.promptLengthP50());
                json.writeNumberField("promptLengthP95", row.promptLengthP95());
                json.writeNumberField("successes", row.successes());
                json.writeNumberField("validatedGenerations", row.validatedGenerations());
                json.writeNumberField("firstPassGenerations", row.firstPassGenerations());
                json.writeNumberField("retries", row.retries());
                json.writeNumberField("validations", row.validations());
                json.writeNumberField("validationFailures", row.validationFailures());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
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
