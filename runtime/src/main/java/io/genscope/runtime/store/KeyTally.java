package io.genscope.runtime.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Counts per key with one writer: the dependencies of one dimension in a thread's
 * {@link Counts}. An open-addressing table of keys and plain counters, so counting a key is a
 * hash probe and a store: no atomic instruction, and no write to memory another thread writes.
 * Dependencies used to go into one map of {@code LongAdder}s shared by every thread, and two
 * threads validating at once paid about 70 ns a call more than one thread did.
 *
 * <p>Capped like {@link KeyedCounter}: once {@code maxKeys} keys are in, other keys are counted
 * under {@link KeyedCounter#OTHER}.
 *
 * <p>Single writer (the thread that owns the counts, or for merged counts whoever holds their
 * slice's lock), any number of readers. A new key's counter is set before the key is stored with
 * release semantics, and readers load keys with acquire semantics, so a reader that sees a key
 * sees its counter; a table that grows is filled before it replaces the old one through a
 * volatile field. Like {@link Counts}, a reader sees each counter's latest value, not an atomic
 * cut across keys.
 */
final class KeyTally {

    private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(String[].class);
    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int FIRST_CAPACITY = 8;

    /** Keys and their counters at the same index; {@code null} keys are free slots. */
    private record Table(String[] keys, long[] counts) {

        static Table ofCapacity(int capacity) {
            return new Table(new String[capacity], new long[capacity]);
        }
    }

    private static final Table NONE = Table.ofCapacity(0);

    private final int maxKeys;
    private volatile Table table = NONE;
    private int size;

    KeyTally(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    void increment(String key) {
        add(key, 1);
    }

    void add(String key, long delta) {
        Table current = table;
        int slot = slotOf(current.keys(), key);
        if (slot < 0 && size >= maxKeys) {
            key = KeyedCounter.OTHER;
            slot = slotOf(current.keys(), key);
        }
        if (slot >= 0) {
            COUNTS.setOpaque(current.counts(), slot, current.counts()[slot] + delta);
            return;
        }
        if ((size + 1) * 2 > current.keys().length) {
            current = grown(current);
            table = current;
        }
        slot = -slotOf(current.keys(), key) - 1;
        COUNTS.setOpaque(current.counts(), slot, delta);
        KEYS.setRelease(current.keys(), slot, key);
        size++;
    }

    /** Adds every count of {@code other} (which is left as it is), folding past the cap as counting does. */
    void absorb(KeyTally other) {
        Table from = other.table;
        for (int i = 0; i < from.keys().length; i++) {
            String key = (String) KEYS.getAcquire(from.keys(), i);
            if (key != null) {
                add(key, (long) COUNTS.getOpaque(from.counts(), i));
            }
        }
    }

    void addTo(KeyedSums sums) {
        forEach(sums::add);
    }

    /** Gives each key and its count to {@code action}. */
    void forEach(java.util.function.ObjLongConsumer<String> action) {
        Table current = table;
        for (int i = 0; i < current.keys().length; i++) {
            String key = (String) KEYS.getAcquire(current.keys(), i);
            if (key != null) {
                action.accept(key, (long) COUNTS.getOpaque(current.counts(), i));
            }
        }
    }

    /** Forgets every key; only once no reader can reach these counts (see {@link Counts#clear}). */
    void clear() {
        if (size > 0) {
            Table current = table;
            Arrays.fill(current.keys(), null);
            Arrays.fill(current.counts(), 0L);
            size = 0;
        }
    }

    /** A table twice the size (or a first one) holding the same counts. */
    private static Table grown(Table old) {
        Table grown = Table.ofCapacity(Math.max(FIRST_CAPACITY, old.keys().length * 2));
        for (int i = 0; i < old.keys().length; i++) {
            String key = old.keys()[i];
            if (key != null) {
                int slot = -slotOf(grown.keys(), key) - 1;
                grown.keys()[slot] = key;
                grown.counts()[slot] = old.counts()[i];
            }
        }
        return grown;
    }

    /** The slot holding {@code key}, or {@code -(free slot) - 1}; {@code -1} for a table with no slots. */
    private static int slotOf(String[] keys, String key) {
        if (keys.length == 0) {
            return -1;
        }
        int mask = keys.length - 1;
        int hash = key.hashCode();
        for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
            String present = keys[slot];
            if (present == null) {
                return -slot - 1;
            }
            if (present == key || present.equals(key)) {
                return slot;
            }
        }
    }
}
