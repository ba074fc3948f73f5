package io.genscope.runtime.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts per key (error type, dependency, failure type) with a cap on distinct keys: once full,
 * new keys are counted under {@link #OTHER}, so a generator that invents a new error text per
 * call cannot grow memory without bound.
 *
 * <p>Thread-safe and lock-free once a key exists; adding a new key goes through
 * {@link ConcurrentHashMap#computeIfAbsent}. The cap may be overshot by the number of threads
 * racing to add the last keys.
 */
final class KeyedCounter {

    /** The key that takes every count past the cap. */
    static final String OTHER = "(other)";

    private final int maxKeys;
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    KeyedCounter(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    void increment(String key) {
        LongAdder counter = counts.get(key);
        if (counter == null) {
            String admitted = counts.size() < maxKeys ? key : OTHER;
            counter = counts.computeIfAbsent(admitted, k -> new LongAdder());
        }
        counter.increment();
    }

    /** Forgets every key; a count racing with it may land before or after. */
    void clear() {
        counts.clear();
    }

    void addTo(KeyedSums totals) {
        counts.forEach((key, count) -> totals.add(key, count.sum()));
    }
}
