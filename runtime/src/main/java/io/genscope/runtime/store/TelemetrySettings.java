package io.genscope.runtime.store;

import io.genscope.runtime.privacy.ErrorMessages;
import io.genscope.runtime.privacy.UserIds;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Sizes and limits of the telemetry store: the config file's {@code store} section, read and
 * checked by the agent (bounds below; the defaults are {@link #defaults()}).
 *
 * <p>Analytics are computed from time slices of width {@code resolution}, so {@code window} and
 * {@code retention} are whole multiples of it, and {@code retention} is at least {@code window}.
 *
 * @param eventRingSize      {@code event-ring-size}: raw-event slots kept for export per
 *                           recording thread, newest win; a completed generation's attempt and
 *                           outcome share one slot, any other event takes one; a thread that
 *                           starts recording takes over the ring of one that has ended, events
 *                           and all. 0 keeps none. 0 to 1,000,000
 * @param window             {@code window}: the span the analytics cover unless a reader asks for
 *                           another
 * @param resolution         {@code resolution}: width of one time slice, the granularity of every
 *                           window; at least 100 ms
 * @param retention          {@code retention}: how far back anything is kept; at least
 *                           {@code window}, at most 100,000 slices
 * @param windows            {@code windows}: further windows each shown as its own set of
 *                           attributes (its own MBean), so reading them needs no operation;
 *                           distinct, each a whole multiple of {@code resolution} within
 *                           {@code retention}; at most {@link #MAX_WINDOWS}
 * @param maxErrorTypes      {@code max-error-types}: distinct validation error types per slice
 *                           before folding into "(other)". 1 to 100,000
 * @param maxDependencies    {@code max-dependencies}: distinct dependencies that each recording
 *                           thread counts per slice and per rule or model (they are counted per
 *                           thread), and that a slice keeps once its threads move on, before
 *                           folding into "(other)". 1 to 100,000
 * @param maxModels          {@code max-models}: likewise for models. 1 to 100,000
 * @param maxFailureTypes    {@code max-failure-types}: likewise for the exception classes of failed
 *                           generations. 1 to 100,000
 * @param errorMessages      {@code error-messages}: how much of an error message is kept: none
 *                           (the default), redacted or full
 * @param errorMessageLength {@code error-message-length}: characters of the first line of an
 *                           error message kept when {@code errorMessages} keeps any; 0 keeps
 *                           none. 0 to 10,000
 * @param redact             {@code redact}: patterns whose matches in kept messages and in error
 *                           types become {@code ***}
 * @param maxElements        {@code max-elements}: elements of one captured collection (errors,
 *                           dependencies) read per call; the rest are neither read, counted nor
 *                           kept, and the raw event says the list was cut. 1 to 100,000
 * @param eventElements      {@code event-elements}: of those, how many one raw event keeps per
 *                           list (errors, dependencies). 0 to 1,000
 * @param maxMemory          {@code max-memory}: bytes the store's worst case ({@link StoreFootprint})
 *                           may reach; a config whose worst case is larger is refused. 1 MB to
 *                           64 GB
 * @param breakdowns         {@code max-variants}, {@code max-projects}, {@code max-users},
 *                           {@code max-prompt-categories}: values of each breakdown dimension a
 *                           slice counts on their own before folding into "(other)"
 * @param userIds            {@code user-ids} and {@code user-id-key-file}: what is kept of a
 *                           captured user id, a keyed pseudonym (the default) or the id itself
 */
public record TelemetrySettings(
        int eventRingSize,
        Duration window,
        Duration resolution,
        Duration retention,
        List<Duration> windows,
        int maxErrorTypes,
        int maxDependencies,
        int maxModels,
        int maxFailureTypes,
        ErrorMessages errorMessages,
        int errorMessageLength,
        List<Pattern> redact,
        int maxElements,
        int eventElements,
        long maxMemory,
        BreakdownCaps breakdowns,
        UserIds userIds) {

    /**
     * The most {@code windows} a config may list: each costs an MBean and, per rule and model,
     * a kept query sum (see {@code SettledTotals}).
     */
    public static final int MAX_WINDOWS = 8;

    public TelemetrySettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(errorMessages, "errorMessages");
        Objects.requireNonNull(breakdowns, "breakdowns");
        Objects.requireNonNull(userIds, "userIds");
        redact = List.copyOf(redact);
        windows = List.copyOf(windows);
        if (resolution.toMillis() <= 0 || retention.compareTo(window) < 0) {
            throw new IllegalArgumentException("need 0 < resolution and window <= retention: " + this);
        }
        if (windows.size() > MAX_WINDOWS || new HashSet<>(windows).size() < windows.size()
                || anyOutside(windows, resolution, retention)) {
            throw new IllegalArgumentException("need at most " + MAX_WINDOWS + " distinct windows, each within resolution "
                    + resolution + " and retention " + retention + ": " + windows);
        }
    }

    /** Whether a window is shorter than the resolution or longer than the retention (a loop: checked at every start). */
    private static boolean anyOutside(List<Duration> windows, Duration resolution, Duration retention) {
        for (Duration window : windows) {
            if (window.compareTo(resolution) < 0 || window.compareTo(retention) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Settings with the default breakdown caps, and user ids pseudonymised with a random key. */
    public TelemetrySettings(int eventRingSize, Duration window, Duration resolution, Duration retention,
                             List<Duration> windows, int maxErrorTypes, int maxDependencies, int maxModels,
                             int maxFailureTypes, ErrorMessages errorMessages, int errorMessageLength,
                             List<Pattern> redact, int maxElements, int eventElements, long maxMemory) {
        this(eventRingSize, window, resolution, retention, windows, maxErrorTypes, maxDependencies, maxModels,
                maxFailureTypes, errorMessages, errorMessageLength, redact, maxElements, eventElements, maxMemory,
                BreakdownCaps.defaults(), UserIds.withRandomKey());
    }

    /** The defaults of the bundled config: 1000 events, a 1 h window and retention in 1 min slices. */
    public static TelemetrySettings defaults() {
        return new TelemetrySettings(1000, Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofHours(1), List.of(),
                50, 50, 10, 20, ErrorMessages.NONE, 200, List.of(), 1000, 5, 64L << 20);
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
