package io.genscope.agent.it;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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
 * (null otherwise). Keys of a run's options (a batch run's {@code requests}, say) are read by the
 * tests of those options and ignored here.
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
        List<Long> generationMicros) {

    public static final String PREFIX = "GROUND_TRUTH ";
    public static final String PAUSED_PREFIX = "PAUSED ";

    /** Reads a {@code GROUND_TRUTH} or {@code PAUSED} line. */
    public static GroundTruth parse(String line) throws IOException {
        return new ObjectMapper().readValue(line.substring(line.indexOf(' ') + 1), new TypeReference<>() {
        });
    }
}
