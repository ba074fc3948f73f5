package com.example.codegen.app;

import com.example.codegen.GenerationRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The run's own figures per prompt variant, project, user and prompt category: for each value,
 * the generations made for it and what happened in them, counted as they happen (see
 * {@link RunStats}). Users are keyed by their id without the run's user prefix, so the run keeps
 * no whole user id once its requests are done, and prints none.
 *
 * <p>Thread-safety: none; one generation at a time, on one thread.
 */
final class BreakdownStats {

    /** The figures of one value; the keys of {@link #json} are those of the ground truth. */
    private static final class Row {
        int generations;
        int successes;
        int validatedGenerations;
        int firstPassGenerations;
        int retries;
        int validations;
        int validationFailures;
        final List<Integer> promptLengths = new ArrayList<>();
        final List<Long> generationMicros = new ArrayList<>();

        Map<String, Object> json(boolean timed) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("generations", generations);
            json.put("successes", successes);
            json.put("validatedGenerations", validatedGenerations);
            json.put("firstPassGenerations", firstPassGenerations);
            json.put("retries", retries);
            json.put("validations", validations);
            json.put("validationFailures", validationFailures);
            json.put("promptLengths", promptLengths);
            if (timed) {
                json.put("generationMicros", generationMicros);
            }
            return json;
        }
    }

    /** The dimensions, as the ground truth names them. */
    private static final List<String> DIMENSIONS = List.of("byVariant", "byProject", "byUser", "byPromptCategory");

    private final int userPrefixLength;
    private final Map<String, SortedMap<String, Row>> byDimension = new LinkedHashMap<>();
    /** The rows of the generation under way, one per dimension. */
    private final List<Row> current = new ArrayList<>();
    private int validationsInCurrent;

    /** @param userPrefixLength how many characters of each user id are the run's prefix, left out of the keys */
    BreakdownStats(int userPrefixLength) {
        this.userPrefixLength = userPrefixLength;
        DIMENSIONS.forEach(dimension -> byDimension.put(dimension, new TreeMap<>()));
    }

    void started(GenerationRequest request) {
        current.clear();
        validationsInCurrent = 0;
        List<String> values = List.of(request.variant(), request.projectId(),
                request.userId().substring(userPrefixLength), request.category());
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            Row row = byDimension.get(DIMENSIONS.get(i)).computeIfAbsent(values.get(i), value -> new Row());
            row.generations++;
            row.promptLengths.add(request.prompt().length());
            current.add(row);
        }
    }

    void validated(boolean ok) {
        validationsInCurrent++;
        for (Row row : current) {
            row.validations++;
            if (!ok) {
                row.validationFailures++;
            }
            if (validationsInCurrent == 1) {
                row.validatedGenerations++;
                if (ok) {
                    row.firstPassGenerations++;
                }
            }
        }
    }

    void retried() {
        current.forEach(row -> row.retries++);
    }

    void ended(boolean succeeded, long micros) {
        for (Row row : current) {
            if (succeeded) {
                row.successes++;
            }
            row.generationMicros.add(micros);
        }
    }

    /** Adds {@code byVariant}, {@code byProject}, {@code byUser} and {@code byPromptCategory} to {@code json}. */
    void addTo(Map<String, Object> json, boolean timed) {
        byDimension.forEach((dimension, rows) -> {
            Map<String, Object> values = new LinkedHashMap<>();
            rows.forEach((value, row) -> values.put(value, row.json(timed)));
            json.put(dimension, values);
        });
    }
}
