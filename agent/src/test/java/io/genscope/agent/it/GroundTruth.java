package io.genscope.agent.it;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The sample generator's own count of what it did, from its {@code GROUND_TRUTH} line (or, for a
 * run started with {@code --pause-after}, its {@code PAUSED} line: the count so far): what
 * Genscope must report without having been told. {@code generationMicros} holds how long each
 * generate call took, measured around the call, in request order, for a run with {@code --times}
 * (null otherwise). {@code byVariant}, {@code byProject}, {@code byUser} (keyed by the user id
 * without the run's {@code --user-prefix}) and {@code byPromptCategory} give the figures of the
 * generations made for each value.
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
        Map<String, Map<String, Long>> byModel,
        List<Long> generationMicros,
        Map<String, Breakdown> byVariant,
        Map<String, Breakdown> byProject,
        Map<String, Breakdown> byUser,
        Map<String, Breakdown> byPromptCategory) {

    /**
     * The generations made for one value of a breakdown, as the sample counted them;
     * {@code generationMicros} only for a run with {@code --times}.
     */
    public record Breakdown(long generations, long successes, long validatedGenerations, long firstPassGenerations,
                            long retries, long validations, long validationFailures, List<Long> promptLengths,
                            List<Long> generationMicros) {
    }

    /** Figures without breakdowns. */
    public GroundTruth(long generations, long successes, long failures, long retries, long validations,
                       long validationFailures, Map<String, Long> failuresByType, Map<String, Long> errorsByType,
                       Map<String, Long> dependencies, Map<String, Map<String, Long>> byModel,
                       List<Long> generationMicros) {
        this(generations, successes, failures, retries, validations, validationFailures, failuresByType, errorsByType,
                dependencies, byModel, generationMicros, Map.of(), Map.of(), Map.of(), Map.of());
    }

    public static final String PREFIX = "GROUND_TRUTH ";
    public static final String PAUSED_PREFIX = "PAUSED ";

    /** Reads a {@code GROUND_TRUTH} or {@code PAUSED} line. */
    public static GroundTruth parse(String line) throws IOException {
        return new ObjectMapper().readValue(line.substring(line.indexOf(' ') + 1), new TypeReference<>() {
        });
    }
}
