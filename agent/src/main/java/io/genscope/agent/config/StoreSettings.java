package io.genscope.agent.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code store} section: how much the telemetry store keeps. Every bound below is checked by
 * {@link ConfigLoader}; {@code defaults.yaml} next to this class holds the defaults.
 *
 * <p><b>Note:</b> it mirrors the runtime's {@code TelemetrySettings} field for field on purpose.
 * The config is read before the runtime is on the bootstrap class path (so that a broken file or
 * {@code enabled: false} leaves the JVM untouched), so this package may not refer to it; the
 * installer copies one into the other.
 *
 * <p>Analytics are computed from time slices of width {@code resolution}, so {@code window} and
 * {@code retention} are whole multiples of it, and {@code retention} is at least {@code window}.
 *
 * @param eventRingSize      {@code event-ring-size}: raw events kept for export; the newest
 *                           overwrite the oldest. 0 to 1,000,000, default 1,000.
 * @param window             {@code window}: the span the analytics cover unless a reader asks for
 *                           another. Default 1 hour.
 * @param resolution         {@code resolution}: width of one time slice, at least 100 ms. Default
 *                           1 minute.
 * @param retention          {@code retention}: nothing older is kept or reported. At least
 *                           {@code window}, at most 100,000 slices. Default 1 hour.
 * @param maxErrorTypes      {@code max-error-types}: distinct error types counted on their own;
 *                           the rest fold into {@code other}. 1 to 100,000, default 100.
 * @param maxDependencies    {@code max-dependencies}: likewise for dependencies. 1 to 100,000,
 *                           default 500.
 * @param maxModels          {@code max-models}: likewise for models. 1 to 100,000, default 20.
 * @param maxFailureTypes    {@code max-failure-types}: likewise for the exception classes of failed
 *                           generations. 1 to 100,000, default 50.
 * @param errorMessageLength {@code error-message-length}: characters of an error message kept;
 *                           0 keeps none. 0 to 10,000, default 200.
 * @param redact             {@code redact}: every match of any of these in a kept error message is
 *                           replaced by {@code ***}. Default none.
 */
public record StoreSettings(
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

    public StoreSettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(retention, "retention");
        redact = List.copyOf(redact);
    }
}
