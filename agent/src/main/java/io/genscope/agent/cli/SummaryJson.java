package io.genscope.agent.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.analytics.BreakdownRow;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;

/**
 * The summary as one JSON document, for scripts: {@code {"windowSeconds": n, "summary": {...},
 * "byModel": {"<model>": {...}}, "breakdowns": {"variant": {"<value>": {...}}, ...}}}, where each figures object has one field per component of
 * {@link AnalyticsSummary}, under the same name: counts as integers, rates as fractions in [0, 1],
 * times in milliseconds, and the error, dependency and failure-type tables as objects of name to
 * count, most frequent first. Written from the record's components, so a figure added to the
 * runtime appears here with no change. When a rule has the role {@code request}, a
 * {@code "requests"} object follows: {@link io.genscope.runtime.analytics.RequestSummary}'s
 * components, since start.
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
            figures(json, figures.overall());
            json.writeObjectFieldStart("byModel");
            for (Map.Entry<String, AnalyticsSummary> model : figures.byModel().entrySet()) {
                json.writeFieldName(model.getKey());
                figures(json, model.getValue());
            }
            json.writeEndObject();
            if (figures.requests() != null) {
                json.writeFieldName("requests");
                figures(json, figures.requests());
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

    private static void figures(JsonGenerator json, Record figures) throws IOException {
        json.writeStartObject();
        for (RecordComponent component : figures.getClass().getRecordComponents()) {
            json.writeFieldName(component.getName());
            value(json, read(component, figures));
        }
        json.writeEndObject();
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Long count) {
            json.writeNumber(count);
        } else if (value instanceof Double figure) {
            json.writeNumber(figure);
        } else {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                json.writeNumberField((String) entry.getKey(), (Long) entry.getValue());
            }
            json.writeEndObject();
        }
    }

    private static Object read(RecordComponent component, Record figures) {
        try {
            return component.getAccessor().invoke(figures);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
