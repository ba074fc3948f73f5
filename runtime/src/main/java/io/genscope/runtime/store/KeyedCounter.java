package io.genscope.runtime.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;

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
 * racing to add the last keys, or by keys counted after a {@link #drain}.
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
        while (true) {
            AtomicLong counter = counts.get(key);
            if (counter == null) {
                String admitted = counts.size() < maxKeys ? key : OTHER;
                counter = counts.computeIfAbsent(admitted, k -> new AtomicLong());
            }
            if (counter.incrementAndGet() > 0) {
                return;
            }
            // drained since it was looked up (see drain): count in the one that replaces it
        }
    }

    /**
     * Takes every key out with its count, and gives each to {@code action}: what a slice let go
     * hands over to the totals since start. A count that lands meanwhile is not lost: a counter
     * is drained by setting it hugely negative, which a writer that still held it sees, and
     * counts again in a fresh counter, left for the next drain.
     */
    void drain(ObjLongConsumer<String> action) {
        for (String key : counts.keySet()) {
            AtomicLong counter = counts.remove(key);
            if (counter != null) {
                action.accept(key, counter.getAndSet(Long.MIN_VALUE));
            }
        }
    }

    void addTo(KeyedSums totals) {
        forEach(totals::add);
    }

    /** Gives each key and its count to {@code action}. */
    void forEach(ObjLongConsumer<String> action) {
        counts.forEach((key, count) -> action.accept(key, Math.max(0, count.get())));
    }
}
