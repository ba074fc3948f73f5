package io.genscope.runtime.store;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The names read from one captured list (dependencies), in an array reused call after call, with
 * how many elements the host's list held: filling it allocates nothing once it has grown to the
 * longest list seen, itself bounded by what is read ({@code store.max-elements}).
 *
 * <p>Not thread-safe: owned by one thread's record. Read-only as a {@link List}.
 */
public final class NameList extends AbstractList<String> implements RandomAccess {

    private String[] names = new String[0];
    private int size;
    private int total;
    private List<String> snapshot = List.of();

    @Override
    public String get(int index) {
        java.util.Objects.checkIndex(index, size);
        return names[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** Empties the list (and says its host list was empty). */
    @Override
    public void clear() {
        if (size > 0) {
            Arrays.fill(names, 0, size, null);
            size = 0;
        }
        if (total != 0) {
            total = 0; // stored only when it changes: a record cleared call after call stays unwritten
        }
    }

    public void append(String name) {
        if (size == names.length) {
            names = Arrays.copyOf(names, Math.max(8, size * 2));
        }
        names[size++] = name;
    }

    /** Sets how many elements the host's list held, {@code -1} when unknown. */
    public void total(int total) {
        this.total = total;
    }

    /** How many elements the host's list held: at least {@link #size()}, or -1 when unknown. */
    public int total() {
        return total;
    }

    /** Makes this list a copy of {@code other}, its total included. */
    public void copy(List<String> other) {
        if (other == this) {
            return;
        }
        clear();
        for (int i = 0, n = other.size(); i < n; i++) {
            append(other.get(i));
        }
        total = totalOf(other);
    }

    /**
     * An immutable copy of the first {@code max} names: the copy made last time when the names are
     * the same, so a generation that reports the same dependencies call after call gets one list.
     */
    List<String> snapshot(int max) {
        int kept = Math.min(size, max);
        if (!startsWith(snapshot, kept)) {
            snapshot = List.of(Arrays.copyOf(names, kept));
        }
        return snapshot;
    }

    /** How many elements the host's list behind {@code list} held: its {@link #total()} or its size. */
    static int totalOf(List<String> list) {
        return list instanceof NameList names ? names.total() : list.size();
    }

    private boolean startsWith(List<String> copy, int kept) {
        if (copy.size() != kept) {
            return false;
        }
        for (int i = 0; i < kept; i++) {
            if (!names[i].equals(copy.get(i))) {
                return false;
            }
        }
        return true;
    }
}
