package io.genscope.agent.it;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Map;

/**
 * The sample generator's own count of what it did, from its {@code GROUND_TRUTH} line: what
 * Genscope must report without having been told.
 */
public record GroundTruth(
        long generations,
        long successes,
        long failures,
        long retries,
        long validations,
        long validationFailures,
        Map<String, Long> failuresByType,
        Map<String, Long> errorsByType,
        Map<String, Long> dependencies,
        Map<String, Map<String, Long>> byModel) {

    public static final String PREFIX = "GROUND_TRUTH ";

    public static GroundTruth parse(String line) throws IOException {
        return new ObjectMapper().readValue(line.substring(PREFIX.length()), new TypeReference<>() {
        });
    }
}
