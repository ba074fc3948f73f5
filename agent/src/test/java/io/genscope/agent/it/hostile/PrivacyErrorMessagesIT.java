package io.genscope.agent.it.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genscope.agent.it.GenscopeMBeans;
import io.genscope.agent.it.OpenData;
import io.genscope.agent.it.hostile.hosts.PrivacyPlainErrorsHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The opt-ins {@code store.error-messages: redacted} and {@code full} keep what the README says,
 * through the real path (plain-string errors of javac, TypeScript, ESLint and Python tools, read
 * back from {@code exportEvents}): the first line only, never a later one, masked (redacted) or
 * cut to {@code error-message-length} (full); and exception messages of host getters still never
 * reach the logs. A {@code type-pattern} picks the type.
 */
class PrivacyErrorMessagesIT {

    private static final String MARKER = "GsMk[0-9a-f]{12}";

    @TempDir
    Path directory;

    @Test
    void redactedKeepsTheFirstLineWithQuotedTextAddressesAndSecretsMasked() throws Exception {
        String config = PrivacyMarkersIT.PLAIN_ERRORS_CONFIG.replace("rules:", "store:\n  error-messages: redacted\nrules:");
        try (PrivacyRun run = start("redacted", config)) {
            List<JsonNode> errors = exportedErrors(run);

            assertThat(messagesOf(errors, "NameError")).containsOnly("NameError: name *** is not defined");
            assertThat(messagesOf(errors, "TS2304")).containsOnly("src/gen.ts(12,5): error TS2304: Cannot find name ***.");
            assertThat(messagesOf(errors, "no-undef")).containsOnly("3:10  error  *** is not defined  no-undef");
            assertThat(messagesOf(errors, "misc")).containsOnly("gen.py:9: error: cannot reach *** with key ***  [misc]");
            assertFirstLinesOnly(run, errors);
        }
    }

    @Test
    void fullKeepsTheFirstLineCutToTheLengthAndATypePatternPicksTheType() throws Exception {
        String config = PrivacyMarkersIT.PLAIN_ERRORS_CONFIG
                .replace("rules:", "store:\n  error-messages: full\n  error-message-length: 40\nrules:")
                .replace("      errors: return", "      errors:\n        each: return\n        type-pattern: 'error (TS\\d)\\d+'");
        try (PrivacyRun run = start("full", config)) {
            List<JsonNode> errors = exportedErrors(run);

            assertThat(messagesOf(errors, "NameError")).allMatch(m -> m.matches("NameError: name '" + MARKER + "' is no…"));
            assertThat(messagesOf(errors, "cannot find symbol")).containsOnly("Gen.java:3: error: cannot find symbol");
            assertThat(OpenData.<Long>map(new GenscopeMBeans(run.connection())
                    .attribute(GenscopeMBeans.TELEMETRY, "TopValidationErrors")))
                    .containsEntry("TS2", 40L).doesNotContainKeys("TS2304", "TS2322");
            assertFirstLinesOnly(run, errors);
        }
    }

    private PrivacyRun start(String name, String config) throws Exception {
        return PrivacyRun.start(directory, name, PrivacyMarkersIT.config(directory, config), PrivacyPlainErrorsHost.class,
                ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2), "20");
    }

    /** Nothing after a first line is kept, and getter exception messages stay out of the logs. */
    private static void assertFirstLinesOnly(PrivacyRun run, List<JsonNode> errors) {
        assertThat(errors).filteredOn(e -> e.get("type").asText().equals("(unknown)"))
                .as("the error whose first line is blank").isNotEmpty().allMatch(e -> !e.has("message"));
        assertThat(errors).extracting(e -> e.path("message").asText())
                .noneMatch(m -> m.contains("symbol:") || m.contains("on the line after"));
        assertThat(run.markersIn(String.join("\n", run.jvm().stderr()))).as("markers on stderr").isEmpty();
    }

    private static List<JsonNode> exportedErrors(PrivacyRun run) throws Exception {
        String json = (String) new GenscopeMBeans(run.connection()).invoke(GenscopeMBeans.TELEMETRY, "exportEvents",
                new Object[] {1_000_000}, new String[] {"int"});
        List<JsonNode> errors = new ArrayList<>();
        new ObjectMapper().readTree(json).forEach(event -> event.path("errors").forEach(errors::add));
        return errors;
    }

    private static List<String> messagesOf(List<JsonNode> errors, String type) {
        List<String> messages = errors.stream().filter(e -> e.get("type").asText().equals(type))
                .map(e -> e.path("message").asText(null)).toList();
        assertThat(messages).as("messages of " + type).isNotEmpty().doesNotContainNull();
        return messages;
    }
}
