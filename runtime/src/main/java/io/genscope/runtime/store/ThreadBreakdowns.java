package io.genscope.runtime.store;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One thread's breakdown rows for the slice it records into: per {@link BreakdownDimension}, the
 * values its completed generations had and their {@link BreakdownCounts}. Kept like the pairs of
 * rule and model in {@link ThreadSlice}: a value is admitted by the slice once per thread and
 * slice (its cap decides whether it is counted as itself or as "(other)"); every later
 * generation with it finds its row by a scan of the thread's own table (hash, then equality) and
 * writes it with plain stores, no lock and no allocation.
 *
 * <p>Single writer, many readers: the tables are copy-on-write arrays published with release
 * semantics; readers reach them through the slice, under its lock.
 */
final class ThreadBreakdowns {

    /**
     * A value as captured, the name it is counted under (itself or "(other)"), and its counts;
     * {@code owns} is false for a later value sharing an earlier entry's counts.
     */
    private record Entry(String value, int hash, String admitted, BreakdownCounts counts, boolean owns) {
    }

    private static final Entry[] NONE = new Entry[0];
    private static final BreakdownDimension[] DIMENSIONS = BreakdownDimension.values();

    private final AtomicReferenceArray<Entry[]> byDimension = new AtomicReferenceArray<>(DIMENSIONS.length);
    /**
     * Per dimension, the row last counted into and the value it was found for: consecutive
     * generations mostly have the same values, and find their rows without hashing and scanning.
     * The owner's only; forgotten with the slice.
     */
    private final String[] lastValues = new String[DIMENSIONS.length];
    private final Entry[] lastEntries = new Entry[DIMENSIONS.length];

    /** Counts {@code generation}, completed, under each value it has, in {@code slice}. */
    void completed(TimeSlice slice, GenerationRecord generation) {
        for (BreakdownDimension dimension : DIMENSIONS) {
            String value = dimension.of(generation);
            if (value != null) {
                entry(slice, dimension, value).counts().completed(generation);
            }
        }
    }

    private Entry entry(TimeSlice slice, BreakdownDimension dimension, String value) {
        int index = dimension.ordinal();
        Entry last = lastEntries[index];
        if (last != null && lastValues[index] == value) {
            return last;
        }
        Entry found = find(slice, dimension, value);
        // each stored only when it changes: see EventSlot on write barriers
        if (lastValues[index] != value) {
            lastValues[index] = value;
        }
        if (last != found) {
            lastEntries[index] = found;
        }
        return found;
    }

    private Entry find(TimeSlice slice, BreakdownDimension dimension, String value) {
        int index = dimension.ordinal();
        Entry[] current = byDimension.getPlain(index);
        if (current == null) {
            current = NONE;
        }
        int hash = value.hashCode();
        for (Entry entry : current) {
            if (entry.hash() == hash && (entry.value() == value || entry.value().equals(value))) {
                return entry;
            }
        }
        String admitted = slice.admitBreakdown(dimension, value);
        for (Entry entry : current) {
            if (entry.owns() && entry.admitted().equals(admitted)) {
                if (admitted.equals(KeyedCounter.OTHER)) {
                    return entry; // values past the cap share one entry; the table stays bounded
                }
                return append(index, current, new Entry(value, hash, admitted, entry.counts(), false));
            }
        }
        return append(index, current, new Entry(value, hash, admitted, new BreakdownCounts(), true));
    }

    private Entry append(int index, Entry[] current, Entry entry) {
        Entry[] grown = java.util.Arrays.copyOf(current, current.length + 1);
        grown[current.length] = entry;
        byDimension.setRelease(index, grown);
        return entry;
    }

    /** Adds the rows of {@code dimension} to {@code into}, by admitted value. */
    void addTo(BreakdownDimension dimension, Map<String, long[]> into) {
        Entry[] entries = byDimension.getAcquire(dimension.ordinal());
        if (entries != null) {
            for (Entry entry : entries) {
                if (entry.owns()) {
                    entry.counts().addTo(into.computeIfAbsent(entry.admitted(), k -> new long[BreakdownCounts.SIZE]));
                }
            }
        }
    }

    /** Adds every row's counters kept since start to {@code totals}. */
    void addTo(CumulativeTotals totals) {
        for (BreakdownDimension dimension : DIMENSIONS) {
            Entry[] entries = byDimension.getAcquire(dimension.ordinal());
            if (entries != null) {
                for (Entry entry : entries) {
                    if (entry.owns()) {
                        totals.addBreakdown(dimension, entry.admitted(), entry.counts());
                    }
                }
            }
        }
    }

    /** Retires these rows into {@code into}, per dimension and admitted value. */
    void mergeInto(EnumMap<BreakdownDimension, Map<String, BreakdownCounts>> into) {
        for (BreakdownDimension dimension : DIMENSIONS) {
            Entry[] entries = byDimension.getAcquire(dimension.ordinal());
            if (entries != null) {
                Map<String, BreakdownCounts> rows = into.computeIfAbsent(dimension, k -> new java.util.HashMap<>());
                for (Entry entry : entries) {
                    if (entry.owns()) {
                        rows.computeIfAbsent(entry.admitted(), k -> new BreakdownCounts()).absorb(entry.counts());
                    }
                }
            }
        }
    }

    /** Forgets every row for the next slice (admission is per slice). */
    void clear() {
        java.util.Arrays.fill(lastEntries, null);
        java.util.Arrays.fill(lastValues, null);
        for (int i = 0; i < DIMENSIONS.length; i++) {
            if (byDimension.getPlain(i) != null) {
                byDimension.setRelease(i, null);
            }
        }
    }
}
