package io.genscope.runtime.store;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Sizes and limits of the telemetry store. The agent builds this from the config file's
 * {@code store} section, where each value is documented with its default.
 *
 * @param eventRingSize      raw events kept for export per recording thread, newest win; 0 keeps none
 * @param window             the default analytics window
 * @param resolution         width of one time slice: the granularity of every window
 * @param retention          how far back anything is kept; a multiple of {@code resolution}
 * @param maxErrorTypes      distinct validation error types per slice before folding into "(other)"
 * @param maxDependencies    distinct dependencies per slice before folding into "(other)"
 * @param maxModels          distinct models before folding into "(other)"
 * @param maxFailureTypes    distinct generation failure types per slice before folding
 * @param errorMessageLength characters of an error message kept; 0 keeps none
 * @param redact             patterns whose matches in kept messages become {@code ***}
 */
public record TelemetrySettings(
        int eventRingSize,
        Duration window,
        Duration resolution,
        Duration retention,
        int maxErrorTypes,
        int maxDependencies,
        int maxModels,
        int maxFailureTypes,
        int errorMessageLength,
        List<Pattern> redact) {

    public TelemetrySettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(retention, "retention");
        redact = List.copyOf(redact);
        if (resolution.toMillis() <= 0 || retention.compareTo(window) < 0) {
            throw new IllegalArgumentException("need 0 < resolution and window <= retention: " + this);
        }
    }

    /** The defaults of the bundled config: 1000 events, a 1 h window and retention in 1 min slices. */
    public static TelemetrySettings defaults() {
        return new TelemetrySettings(1000, Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofHours(1),
                100, 500, 20, 50, 200, List.of());
    }

    /** How many slices the ring keeps to cover the retention. */
    int sliceCount() {
        return slicesFor(retention);
    }

    /** How many slices cover {@code span}, at least one, at most the whole retention. */
    int slicesFor(Duration span) {
        long res = resolution.toMillis();
        long slices = (span.toMillis() + res - 1) / res;
        long max = (retention.toMillis() + res - 1) / res;
        return (int) Math.max(1, Math.min(slices, max));
    }
}
