package io.genscope.agent.it;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sample generator's own count of what it did, from its {@code GROUND_TRUTH} line (or, for a
 * run started with {@code --pause-after}, its {@code PAUSED} line: the count so far): what
 * Genscope must report without having been told. {@code generationMicros} holds how long each
 * generate call took, measured around the call, in request order, for a run with {@code --times}
 * (null otherwise). {@code byVariant}, {@code byProject}, {@code byUser} (keyed by the user id
 * without the run's {@code --user-prefix}) and {@code byPromptCategory} give the figures of the
 * generations made for each value.
 * Keys of a run's options (a batch run's {@code requests}, say) are read by the tests of those
 * options and ignored here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
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

    /**
     * What the generator did after {@code earlier}, a {@code PAUSED} line of the same run: each count
     * less its count then; in the tables by type, keys whose count did not move are left out (as
     * Genscope leaves them out of a window without them). The durations of an untimed run are null
     * in both.
     */
    public GroundTruth since(GroundTruth earlier) {
        Map<String, Map<String, Long>> models = new TreeMap<>();
        byModel.forEach((model, counts) -> {
            Map<String, Long> then = earlier.byModel.getOrDefault(model, Map.of());
            Map<String, Long> moved = new TreeMap<>();
            counts.forEach((count, value) -> moved.put(count, value - then.getOrDefault(count, 0L)));
            models.put(model, moved);
        });
        return new GroundTruth(generations - earlier.generations, successes - earlier.successes,
                failures - earlier.failures, retries - earlier.retries, validations - earlier.validations,
                validationFailures - earlier.validationFailures, less(failuresByType, earlier.failuresByType),
                less(errorsByType, earlier.errorsByType), less(dependencies, earlier.dependencies), models, null);
    }

    private static Map<String, Long> less(Map<String, Long> counts, Map<String, Long> earlier) {
        Map<String, Long> difference = new TreeMap<>();
        counts.forEach((key, count) -> {
            long moved = count - earlier.getOrDefault(key, 0L);
            if (moved != 0) {
                difference.put(key, moved);
            }
        });
        return difference;
    }

    /** Reads a {@code GROUND_TRUTH} or {@code PAUSED} line. */
    public static GroundTruth parse(String line) throws IOException {
        return new ObjectMapper().readValue(line.substring(line.indexOf(' ') + 1), new TypeReference<>() {
        });
    }
}
