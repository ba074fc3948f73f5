package io.genscope.runtime.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts per key (error type, dependency, failure type) with a cap on distinct keys: once full,
 * new keys are counted under {@link #OTHER}, so a generator that invents a new error text per
 * call cannot grow memory without bound.
 *
 * <p>Each key's counter is an {@code AtomicLong}, not a striped {@code LongAdder}: only failures
 * are counted here, so threads rarely contend, and a counter whose size does not grow with
 * contention (a {@code LongAdder} adds a padded cell per contending core) keeps the store's
 * worst case ({@link StoreFootprint}) a fixed figure.
 *
 * <p>Thread-safe and lock-free once a key exists; adding a new key goes through
 * {@link ConcurrentHashMap#computeIfAbsent}. The cap may be overshot by the number of threads
 * racing to add the last keys.
 */
final class KeyedCounter {

    /** The key that takes every count past the cap. */
    static final String OTHER = "(other)";

    private final int maxKeys;
    private final ConcurrentHashMap<String, AtomicLong> counts = new ConcurrentHashMap<>();

    KeyedCounter(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    void increment(String key) {
        AtomicLong counter = counts.get(key);
        if (counter == null) {
            String admitted = counts.size() < maxKeys ? key : OTHER;
            counter = counts.computeIfAbsent(admitted, k -> new AtomicLong());
        }
        counter.incrementAndGet();
    }

    /** Forgets every key; a count racing with it may land before or after. */
    void clear() {
        counts.clear();
    }

    void addTo(KeyedSums totals) {
        counts.forEach((key, count) -> totals.add(key, count.get()));
    }
}
