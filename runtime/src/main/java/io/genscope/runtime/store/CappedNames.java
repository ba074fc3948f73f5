package io.genscope.runtime.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counters per name kept since start, with a cap that never lets a name move: the first
 * {@code cap} names are admitted as themselves and stay so; every later one is counted under
 * {@link KeyedCounter#OTHER}, for good. So a Prometheus series never loses what it counted to
 * another, as it would if names came and went with the slices. Names are kept in the order they
 * were admitted, which keeps the order of the series stable from one scrape to the next.
 *
 * <p>Not thread-safe: guarded by its owner ({@link SinceStart}), or owned by one reader.
 */
final class CappedNames {

    private final int cap;
    private final int width;
    private final LinkedHashMap<String, long[]> values = new LinkedHashMap<>();
    /** Names admitted as themselves: all but "(other)". */
    private int named;

    /** @param width how many counters each name has */
    CappedNames(int cap, int width) {
        this.cap = cap;
        this.width = width;
    }

    /** The counters of {@code name}: its own, or past the cap those of "(other)". */
    long[] slot(String name) {
        long[] counters = values.get(name);
        if (counters != null) {
            return counters;
        }
        String admitted = named < cap && !name.equals(KeyedCounter.OTHER) ? name : KeyedCounter.OTHER;
        if (admitted == name) {
            named++;
        }
        return values.computeIfAbsent(admitted, key -> new long[width]);
    }

    void add(String name, long count) {
        slot(name)[0] += count;
    }

    /** Admits, in order, the names {@code other} holds and these do not; whether there were any. */
    boolean admitNamesOf(CappedNames other) {
        boolean added = false;
        for (String name : other.values.keySet()) {
            if (!values.containsKey(name)) {
                slot(name);
                added = true;
            }
        }
        return added;
    }

    CappedNames copy() {
        CappedNames copy = new CappedNames(cap, width);
        values.forEach((name, counters) -> copy.values.put(name, counters.clone()));
        copy.named = named;
        return copy;
    }

    /** The counters by name, in the order admitted; read-only. */
    Map<String, long[]> values() {
        return Collections.unmodifiableMap(values);
    }
}
