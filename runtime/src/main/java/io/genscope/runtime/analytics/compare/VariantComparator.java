package io.genscope.runtime.analytics.compare;

import io.genscope.runtime.analytics.BreakdownRow;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares each prompt variant with the baseline, from the per-variant rows of one window: the
 * baseline is {@code ab-test.baseline} when set, else the first variant by name (stable as
 * traffic shifts, unlike the busiest one). {@code "(other)"}, the variants past the cap counted
 * together, is never a baseline nor compared: its rate mixes arms.
 *
 * <p><b>Note:</b> each variant is compared with the baseline on its own, at 95 % confidence; with
 * many variants, one of them may look better or worse by chance (no correction for multiple
 * comparisons is made).
 *
 * <p>Stateless and thread-safe.
 */
public final class VariantComparator {

    /** The value of the row that counts the variants past the breakdown's cap (see {@link BreakdownRow#value}). */
    static final String OTHER = "(other)";

    private final ComparisonSettings settings;

    public VariantComparator(ComparisonSettings settings) {
        this.settings = settings;
    }

    /** The comparison of {@code rows}, one per variant, over a window of {@code windowSeconds}. */
    public AbComparison compare(List<BreakdownRow> rows, long windowSeconds) {
        List<BreakdownRow> variants = rows.stream()
                .filter(row -> !row.value().equals(OTHER) && row.generations() > 0)
                .sorted(Comparator.comparing(BreakdownRow::value))
                .toList();
        if (variants.isEmpty()) {
            return none(windowSeconds, settings.baseline(), "no variant has a generation in the window");
        }
        Optional<BreakdownRow> baseline = settings.baseline().isEmpty() ? Optional.of(variants.get(0))
                : variants.stream().filter(row -> row.value().equals(settings.baseline())).findFirst();
        if (baseline.isEmpty()) {
            return none(windowSeconds, settings.baseline(), "the baseline " + settings.baseline()
                    + " (ab-test.baseline) has no generation in the window");
        }
        if (variants.size() == 1) {
            return none(windowSeconds, baseline.get().value(), "only one variant has generations in the window");
        }
        Map<String, VariantComparison> comparisons = new LinkedHashMap<>();
        for (BreakdownRow variant : variants) {
            if (variant != baseline.get()) {
                comparisons.put(variant.value(), compare(variant, baseline.get()));
            }
        }
        return new AbComparison(windowSeconds, baseline.get().value(), "", comparisons);
    }

    private static AbComparison none(long windowSeconds, String baseline, String note) {
        return new AbComparison(windowSeconds, baseline, note, Map.of());
    }

    /** One variant against the baseline. */
    VariantComparison compare(BreakdownRow variant, BreakdownRow baseline) {
        String name = variant.value();
        RateComparison success = RateComparison.of(name, "generations", variant.successes(), variant.generations(),
                baseline.successes(), baseline.generations(), settings);
        RateComparison firstPass = RateComparison.of(name, "validated generations", variant.firstPassGenerations(),
                variant.validatedGenerations(), baseline.firstPassGenerations(), baseline.validatedGenerations(),
                settings);
        Outcome outcome = overall(success, firstPass);
        long needed = switch (outcome) {
            case TOO_FEW_GENERATIONS -> success.moreGenerationsNeeded();
            case NO_DIFFERENCE_YET -> Math.max(success.moreGenerationsNeeded(), counted(firstPass)
                    ? firstPass.moreGenerationsNeeded() : 0);
            default -> 0;
        };
        return new VariantComparison(name, baseline.value(), outcome,
                RateComparison.verdict(outcome, name, needed, "generations"), needed, success, firstPass,
                variant.generationTimeP95Millis(), baseline.generationTimeP95Millis(),
                variant.generationTimeP95Millis() - baseline.generationTimeP95Millis());
    }

    private static Outcome overall(RateComparison success, RateComparison firstPass) {
        if (success.outcome() == Outcome.TOO_FEW_GENERATIONS) {
            return Outcome.TOO_FEW_GENERATIONS;
        }
        List<Outcome> outcomes = counted(firstPass) ? List.of(success.outcome(), firstPass.outcome())
                : List.of(success.outcome());
        boolean better = outcomes.contains(Outcome.BETTER);
        boolean worse = outcomes.contains(Outcome.WORSE);
        if (better || worse) {
            return better && worse ? Outcome.MIXED : better ? Outcome.BETTER : Outcome.WORSE;
        }
        return outcomes.contains(Outcome.NO_DIFFERENCE_YET) ? Outcome.NO_DIFFERENCE_YET : Outcome.NO_DIFFERENCE;
    }

    /** Whether the first-pass rate has the validated generations to count in the overall verdict. */
    private static boolean counted(RateComparison firstPass) {
        return firstPass.outcome() != Outcome.TOO_FEW_GENERATIONS;
    }
}
