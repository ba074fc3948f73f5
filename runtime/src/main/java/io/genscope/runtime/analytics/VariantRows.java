package io.genscope.runtime.analytics;

import java.time.Duration;
import java.util.List;

/**
 * The per-variant rows of the breakdown over a window: what the A/B comparison of variants
 * ({@code io.genscope:type=Variants}) reads. Implemented by whatever keeps the per-variant
 * figures; {@link #NONE} until a store does.
 *
 * <p>Implementations are called from JMX threads and the summary, never from a recording
 * thread, and must be thread-safe.
 */
@FunctionalInterface
public interface VariantRows {

    /** No variant: the comparison says so. */
    VariantRows NONE = window -> List.of();

    /**
     * One row per variant with its figures over the last {@code window} (whole slices, at most
     * the retention), {@code "(other)"} included when the cap was reached; any order.
     */
    List<BreakdownRow> variants(Duration window);
}
