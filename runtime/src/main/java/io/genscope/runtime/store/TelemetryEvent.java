package io.genscope.runtime.store;

import java.util.List;

/**
 * One raw event, immutable, as kept by the {@link EventRing} for export. Holds metadata only:
 * lengths, names, counts and bounded error messages, never prompt text or generated code.
 *
 * @param sequence         order of recording within its thread
 * @param nanos            monotonic time of the event: the order across threads
 * @param timestampMillis  wall time of the event
 * @param promptLength     -1 when not captured
 * @param codeLength       -1 when not captured
 * @param attempt          validations so far in the generation (1-based for a validation)
 * @param retryCount       retries so far in the generation
 * @param durationNanos    generation or validation time; 0 for start events
 * @param failureType      class name of what a failed generation threw
 * @param errorsTotal      how many errors the host reported, more than {@code errors} holds when
 *                         the event keeps only the first ({@code store.event-elements}) or reading
 *                         stopped ({@code store.max-elements}); -1 when the host's collection did
 *                         not say
 * @param dependenciesTotal likewise for {@code dependencies}
 */
public record TelemetryEvent(
        long sequence,
        long nanos,
        long timestampMillis,
        EventType type,
        String rule,
        String model,
        String projectId,
        String functionName,
        int promptLength,
        int codeLength,
        int attempt,
        int retryCount,
        long durationNanos,
        boolean validated,
        List<ErrorInfo> errors,
        List<String> dependencies,
        String failureType,
        int errorsTotal,
        int dependenciesTotal) {

    /** Whether {@code errors} holds fewer errors than the host reported. */
    public boolean errorsTruncated() {
        return errorsTotal != errors.size();
    }

    /** Whether {@code dependencies} holds fewer names than the host reported. */
    public boolean dependenciesTruncated() {
        return dependenciesTotal != dependencies.size();
    }
}
