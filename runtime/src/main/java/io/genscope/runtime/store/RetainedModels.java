package io.genscope.runtime.store;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models admitted in at least one slice of the ring, so a model's MBean can go once no
 * retained slice has data for it. Counts, per model, the slices that admitted it: at most
 * {@code maxModels + 1} per slice, so at most that many times the slices in all.
 *
 * <p>Thread-safe. A change is counted under the slice's lock and announced after it, so the
 * listener may be told of changes out of order: it must ask {@link #contains} for the state
 * rather than trust the order of announcements.
 */
final class RetainedModels {

    private final ConcurrentHashMap<String, Integer> slicesHolding = new ConcurrentHashMap<>();
    private final ModelListener listener;

    RetainedModels(ModelListener listener) {
        this.listener = listener;
    }

    void admitted(String model) {
        slicesHolding.merge(model, 1, Integer::sum);
    }

    void released(String model) {
        slicesHolding.computeIfPresent(model, (key, slices) -> slices == 1 ? null : slices - 1);
    }

    /** Tells the listener that {@code model} was admitted or released by a slice. */
    void announce(String model) {
        listener.changed(model);
    }

    boolean contains(String model) {
        return slicesHolding.containsKey(model);
    }

    List<String> models() {
        return List.copyOf(slicesHolding.keySet());
    }
}
