package io.genscope.runtime.export;

import io.genscope.runtime.store.ErrorInfo;
import io.genscope.runtime.store.TelemetryEvent;

import java.time.Instant;
import java.util.List;

/**
 * Writes raw events as a JSON array, one object per event, for the {@code exportEvents}
 * operation. Hand-written because the runtime lives on the bootstrap class path and may depend
 * on the JDK only. Absent values (-1 lengths, {@code null} names) are left out. An event keeps
 * the first few errors and dependencies of a long list ({@code store.event-elements}); it then
 * says so with {@code errorsTruncated: true} and {@code errorsTotal} (the host's count, when its
 * collection gave one), and likewise for dependencies.
 */
public final class EventJson {

    /** Events the first buffer is sized for (256 characters each); a longer export grows it. */
    private static final int EXPECTED_EVENTS = 4096;

    private EventJson() {
    }

    public static String toJson(List<TelemetryEvent> events) {
        StringBuilder json = new StringBuilder(256 * Math.min(events.size(), EXPECTED_EVENTS) + 2).append('[');
        for (int i = 0; i < events.size(); i++) {
            json.append(i == 0 ? "\n  " : ",\n  ");
            append(json, events.get(i));
        }
        return json.append(events.isEmpty() ? "]" : "\n]").toString();
    }

    private static void append(StringBuilder json, TelemetryEvent e) {
        json.append("{\"sequence\":").append(e.sequence())
                .append(",\"timestamp\":\"").append(Instant.ofEpochMilli(e.timestampMillis())).append('"')
                .append(",\"type\":\"").append(e.type().exportName()).append('"');
        string(json, "rule", e.rule());
        string(json, "model", e.model());
        string(json, "projectId", e.projectId());
        string(json, "functionName", e.functionName());
        number(json, "promptLength", e.promptLength());
        number(json, "codeLength", e.codeLength());
        json.append(",\"attempt\":").append(e.attempt())
                .append(",\"retryCount\":").append(e.retryCount());
        if (e.durationNanos() > 0) {
            json.append(",\"durationMillis\":").append(e.durationNanos() / 1_000_000.0);
        }
        json.append(",\"validated\":").append(e.validated());
        if (!e.errors().isEmpty()) {
            json.append(",\"errors\":[");
            for (int i = 0; i < e.errors().size(); i++) {
                ErrorInfo error = e.errors().get(i);
                json.append(i == 0 ? "{" : ",{").append("\"type\":");
                quote(json, error.type());
                if (error.message() != null) {
                    json.append(",\"message\":");
                    quote(json, error.message());
                }
                json.append('}');
            }
            json.append(']');
        }
        truncation(json, "errors", e.errorsTruncated(), e.errorsTotal());
        if (!e.dependencies().isEmpty()) {
            json.append(",\"dependencies\":[");
            for (int i = 0; i < e.dependencies().size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                quote(json, e.dependencies().get(i));
            }
            json.append(']');
        }
        truncation(json, "dependencies", e.dependenciesTruncated(), e.dependenciesTotal());
        string(json, "failureType", e.failureType());
        json.append('}');
    }

    private static void string(StringBuilder json, String key, String value) {
        if (value != null) {
            json.append(",\"").append(key).append("\":");
            quote(json, value);
        }
    }

    /** For a list the event keeps only part of: {@code "<list>Truncated":true} and the host's total when known. */
    private static void truncation(StringBuilder json, String list, boolean truncated, int total) {
        if (truncated) {
            json.append(",\"").append(list).append("Truncated\":true");
            number(json, list + "Total", total);
        }
    }

    private static void number(StringBuilder json, String key, int value) {
        if (value >= 0) {
            json.append(",\"").append(key).append("\":").append(value);
        }
    }

    static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
