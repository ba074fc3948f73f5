package io.genscope.runtime.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * All tallies for one slice of time ({@code resolution} wide): the overall one, one per
 * generation rule and one per model, each created on first use.
 *
 * <p>Thread-safe. At most {@code maxModels} model tallies exist; later models share
 * {@link KeyedCounter#OTHER}. The first use of a model in each slice is announced to the
 * {@code newModels} listener (which must be cheap and must not throw).
 */
final class TimeSlice {

    final long index;
    final Tally total;
    private final TelemetrySettings settings;
    private final AtomicReferenceArray<Tally> byRule;
    private final ConcurrentHashMap<String, Tally> byModel = new ConcurrentHashMap<>();

    private final Consumer<String> newModels;

    TimeSlice(long index, TelemetrySettings settings, int rules, Consumer<String> newModels) {
        this.index = index;
        this.settings = settings;
        this.newModels = newModels;
        this.total = new Tally(settings);
        this.byRule = new AtomicReferenceArray<>(rules);
    }

    Tally rule(int rule) {
        Tally tally = byRule.get(rule);
        if (tally == null) {
            byRule.compareAndSet(rule, null, new Tally(settings));
            tally = byRule.get(rule);
        }
        return tally;
    }

    /** The model's tally; {@code null} model means the generation did not say. */
    Tally model(String model) {
        String key = model == null ? "(unknown)" : model;
        Tally tally = byModel.get(key);
        if (tally == null) {
            String admitted = byModel.size() < settings.maxModels() ? key : KeyedCounter.OTHER;
            tally = byModel.get(admitted);
            if (tally == null) {
                tally = byModel.computeIfAbsent(admitted, k -> new Tally(settings));
                newModels.accept(admitted);
            }
        }
        return tally;
    }

    /** The rule's tally if anything was recorded for it, else {@code null}. */
    Tally ruleIfPresent(int rule) {
        return byRule.get(rule);
    }

    Tally modelIfPresent(String model) {
        return byModel.get(model);
    }

    Iterable<String> models() {
        return byModel.keySet();
    }
}
