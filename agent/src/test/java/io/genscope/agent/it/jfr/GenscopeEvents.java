package io.genscope.agent.it.jfr;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Genscope events of a recording file, read with {@link RecordingFile}, and counted as the sample counts. */
record GenscopeEvents(List<RecordedEvent> all) {

    static final String GENERATION = "io.genscope.Generation";
    static final String VALIDATION = "io.genscope.Validation";
    static final String RETRY = "io.genscope.Retry";
    static final String REQUEST = "io.genscope.Request";

    /**
     * Text of the sample's prompts (and of the repair prompts it builds) and of the code its
     * models write: none of it may reach a recording.
     */
    private static final List<String> PROMPT_AND_CODE = List.of("Write a Java class", "Ticket BILLING-",
            "Your previous answer did not compile", "Keeps the most recently used entries",
            "Runs a task again after it fails");

    static GenscopeEvents read(Path file) throws IOException {
        return new GenscopeEvents(RecordingFile.readAllEvents(file).stream()
                .filter(event -> event.getEventType().getName().startsWith("io.genscope."))
                .toList());
    }

    List<RecordedEvent> generations() {
        return named(GENERATION, event -> true);
    }

    List<RecordedEvent> generations(String outcome) {
        return named(GENERATION, event -> outcome.equals(event.getString("outcome")));
    }

    List<RecordedEvent> validations() {
        return named(VALIDATION, event -> true);
    }

    List<RecordedEvent> validations(boolean passed) {
        return named(VALIDATION, event -> event.getBoolean("passed") == passed);
    }

    List<RecordedEvent> retries() {
        return named(RETRY, event -> true);
    }

    List<RecordedEvent> requests() {
        return named(REQUEST, event -> true);
    }

    /** The generation, validation and retry events: those a request's number is put on. */
    List<RecordedEvent> ofGenerations() {
        return all.stream().filter(event -> !event.getEventType().getName().equals(REQUEST)).toList();
    }

    /**
     * The figures of the generations of each value of {@code field} (variant, userId,
     * promptCategory), counted from the events under the names of the sample's breakdown figures.
     */
    Map<String, Map<String, Long>> countsBy(String field) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        ofGenerations().stream().map(event -> event.getString(field)).distinct().forEach(value ->
                counts.put(String.valueOf(value), countsWhere(event -> Objects.equals(value, event.getString(field)))));
        return counts;
    }

    Map<String, Long> failuresByType() {
        return generations("failure").stream()
                .collect(Collectors.groupingBy(event -> event.getString("failureType"), TreeMap::new, Collectors.counting()));
    }

    /** The errors of the failed validations, each counted once, as the sample counts them by type. */
    long errorCount() {
        return validations(false).stream().mapToLong(event -> event.getInt("errors")).sum();
    }

    /** The events of one model, counted under the names of the sample's {@code byModel} ground truth. */
    Map<String, Long> countsOf(String model) {
        return countsWhere(event -> model.equals(event.getString("model")));
    }

    private Map<String, Long> countsWhere(Predicate<RecordedEvent> belongs) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("generations", generations().stream().filter(belongs).count());
        counts.put("successes", generations("success").stream().filter(belongs).count());
        counts.put("failures", generations("failure").stream().filter(belongs).count());
        counts.put("retries", retries().stream().filter(belongs).count());
        counts.put("validations", validations().stream().filter(belongs).count());
        counts.put("validationFailures", validations(false).stream().filter(belongs).count());
        return counts;
    }

    /**
     * No prompt or code text in any field of a Genscope event, nor anywhere in the file's bytes
     * (JFR writes an ASCII string's characters as they are, in a constant pool or in the event).
     */
    void assertNoPromptOrCode(Path file) throws IOException {
        for (RecordedEvent event : all) {
            event.getFields().forEach(field -> {
                if (event.getValue(field.getName()) instanceof String text) {
                    assertThat(text).as(field.getName()).doesNotContain(PROMPT_AND_CODE);
                }
            });
        }
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        // only what was found is printed: the file also holds the machine's processes and environment
        assertThat(PROMPT_AND_CODE.stream().filter(bytes::contains).toList())
                .as("prompt or code text in the bytes of " + file).isEmpty();
    }

    private List<RecordedEvent> named(String name, Predicate<RecordedEvent> filter) {
        return all.stream().filter(event -> event.getEventType().getName().equals(name)).filter(filter).toList();
    }
}
