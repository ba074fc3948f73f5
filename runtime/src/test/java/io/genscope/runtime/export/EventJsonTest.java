package io.genscope.runtime.export;

import io.genscope.runtime.store.ErrorInfo;
import io.genscope.runtime.store.EventType;
import io.genscope.runtime.store.TelemetryEvent;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import io.genscope.runtime.testing.StrictJson;
import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON export of raw events: valid JSON, escaped text, absent values left out. */
class EventJsonTest {

    private static final String NASTY = "say \"hi\" \\ then\ttab\nnew line\r\u0000\u001f end";

    private static TelemetryEvent event(EventType type, String model, List<ErrorInfo> errors, List<String> dependencies,
                                        String failureType) {
        return new TelemetryEvent(3, 0, ManualClock.START.toEpochMilli(), type, "generate", model, null, null, -1, 42, 2,
                1, 1_500_000, true, errors, dependencies, failureType, errors.size(), dependencies.size());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(List<TelemetryEvent> events) {
        return (List<Map<String, Object>>) StrictJson.parse(EventJson.toJson(events));
    }

    @Test
    void emptyListIsAnEmptyArray() {
        assertThat(StrictJson.parse(EventJson.toJson(List.of()))).isEqualTo(List.of());
    }

    @Test
    void writesEveryPresentFieldWithItsValue() {
        Map<String, Object> json = parse(List.of(event(EventType.GENERATION_SUCCESS, "gpt-4",
                List.of(new ErrorInfo("E1", "missing ;")), List.of("org.junit", "com.google"),
                "java.io.IOException"))).get(0);

        assertThat(json).containsExactly(
                Map.entry("sequence", 3.0),
                Map.entry("timestamp", "2024-01-01T00:00:00Z"),
                Map.entry("type", "generation_success"),
                Map.entry("rule", "generate"),
                Map.entry("model", "gpt-4"),
                Map.entry("codeLength", 42.0),
                Map.entry("attempt", 2.0),
                Map.entry("retryCount", 1.0),
                Map.entry("durationMillis", 1.5),
                Map.entry("validated", true),
                Map.entry("errors", List.of(Map.of("type", "E1", "message", "missing ;"))),
                Map.entry("dependencies", List.of("org.junit", "com.google")),
                Map.entry("failureType", "java.io.IOException"));
    }

    @Test
    void leavesOutAbsentValues() {
        TelemetryEvent start = new TelemetryEvent(0, 0, 0, EventType.GENERATION_ATTEMPT, "generate", null, null, null,
                -1, -1, 0, 0, 0, false, List.of(new ErrorInfo("E1", null)), List.of(), null, 1, 0);

        Map<String, Object> json = parse(List.of(start)).get(0);

        assertThat(json).doesNotContainKeys("model", "projectId", "functionName", "promptLength", "codeLength",
                "durationMillis", "dependencies", "failureType");
        assertThat(json.get("errors")).isEqualTo(List.of(Map.of("type", "E1")));
    }

    @Test
    void aListTheEventKeepsOnlyPartOfSaysSoWithTheHostsTotalWhenKnown() {
        TelemetryEvent cut = new TelemetryEvent(0, 0, 0, EventType.VALIDATION_FAILURE, "compile", null, null, null,
                -1, -1, 1, 0, 0, false, List.of(new ErrorInfo("E1", null)), List.of("org.junit"), null, 500, -1);

        Map<String, Object> json = parse(List.of(cut)).get(0);

        assertThat(json).containsEntry("errorsTruncated", true).containsEntry("errorsTotal", 500.0)
                .containsEntry("dependenciesTruncated", true).doesNotContainKey("dependenciesTotal");
        assertThat(parse(List.of(event(EventType.GENERATION_SUCCESS, null, List.of(), List.of("a"), null))).get(0))
                .doesNotContainKeys("errorsTruncated", "dependenciesTruncated");
    }

    @Test
    void escapesQuotesBackslashesNewlinesAndControlCharactersSoTheTextRoundTrips() {
        List<Map<String, Object>> json = parse(List.of(event(EventType.VALIDATION_FAILURE, NASTY,
                List.of(new ErrorInfo(NASTY, NASTY)), List.of(NASTY), NASTY)));

        Map<String, Object> event = json.get(0);
        assertThat(event.get("model")).isEqualTo(NASTY);
        assertThat(event.get("errors")).isEqualTo(List.of(Map.of("type", NASTY, "message", NASTY)));
        assertThat(event.get("dependencies")).isEqualTo(List.of(NASTY));
        assertThat(event.get("failureType")).isEqualTo(NASTY);
    }

    @Test
    void keepsNonAsciiTextAsIs() {
        String text = "Ünïcödé — 模型 🚀";

        assertThat(parse(List.of(event(EventType.GENERATION_SUCCESS, text, List.of(), List.of(), null)))
                .get(0).get("model")).isEqualTo(text);
    }

    @Test
    void exportOfARecordedLoopIsValidJsonNewestFirst() throws Exception {
        GeneratorLoop loop = new GeneratorLoop(TestSettings.defaults().eventRingSize(4).build());
        for (int i = 0; i < 3; i++) {
            loop.generate(Request.of("m" + i), () -> {
                loop.compile(Verdict.failed("E\"" + "\n"));
                return Code.of("x");
            });
        }

        List<Map<String, Object>> json = parse(loop.store.events(100));

        // four slots: the last two generations, each a validation failure and an outcome holding its attempt
        assertThat(json).extracting(event -> event.get("sequence")).containsExactly(8.0, 7.0, 6.0, 5.0, 4.0, 3.0);
        assertThat(json).extracting(event -> event.get("type")).containsExactly(
                "generation_success", "validation_failure", "generation_attempt",
                "generation_success", "validation_failure", "generation_attempt");
    }
}
