package io.genscope.runtime.capture;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The elements of one captured collection, read with a bound: at most {@code max} elements of a
 * list, collection, array or other iterable (a map gives its keys; any other single value is a
 * one-element list). Reading stops at the bound, so a host list of a hundred thousand errors
 * costs the host's thread the reading of {@code max}, never more, and never a copy of the rest.
 *
 * <p>A list with random access is read by index: no iterator is made (nothing is allocated on
 * the recording path), and another thread changing the list meanwhile cannot make the read fail
 * with a {@code ConcurrentModificationException}; at worst an index past a shrinking end fails,
 * and the elements read before it stay.
 *
 * <p>Reusable and not thread-safe: each recording thread has its own. It holds host objects
 * until {@link #clear()}, which every reader calls once it has converted them.
 */
public final class CapturedElements {

    /** {@link #total()} when the host's iterable has more elements than were read and says not how many. */
    public static final int UNKNOWN = -1;

    private final int max;
    private Object[] elements = new Object[0];
    private int size;
    private int total;

    /** @param max the most elements one {@link #read} takes */
    public CapturedElements(int max) {
        this.max = max;
    }

    /**
     * Reads the elements of {@code value} ({@code null}: none). When the host's collection fails
     * part-way (another thread changed it, its iterator threw), the elements read so far stay,
     * {@link #total()} becomes {@link #UNKNOWN} and the failure is thrown on.
     */
    public void read(Object value) throws Throwable {
        clear();
        try {
            if (value == null) {
                return;
            }
            if (value instanceof List<?> list && value instanceof RandomAccess) {
                total = list.size();
                for (int i = 0, n = Math.min(total, max); i < n; i++) {
                    add(list.get(i));
                }
            } else if (value instanceof Collection<?> collection) {
                total = collection.size();
                readAll(collection.iterator());
            } else if (value instanceof Map<?, ?> map) {
                total = map.size();
                readAll(map.keySet().iterator());
            } else if (value instanceof Iterable<?> iterable) {
                Iterator<?> iterator = iterable.iterator();
                readAll(iterator);
                total = iterator.hasNext() ? UNKNOWN : size;
            } else if (value.getClass().isArray()) {
                total = Array.getLength(value);
                for (int i = 0, n = Math.min(total, max); i < n; i++) {
                    add(Array.get(value, i));
                }
            } else {
                total = 1;
                add(value);
            }
        } catch (Throwable failure) {
            total = UNKNOWN;
            throw failure;
        }
    }

    public int size() {
        return size;
    }

    public Object get(int index) {
        return elements[index];
    }

    /** How many elements the host's value held: {@link #UNKNOWN} when it did not say. */
    public int total() {
        return total;
    }

    /** Whether fewer elements were read than the value held. */
    public boolean cut() {
        return total != size;
    }

    /** Drops the references to the host's elements. */
    public void clear() {
        if (size > 0) {
            Arrays.fill(elements, 0, size, null);
            size = 0;
        }
        total = 0;
    }

    private void readAll(Iterator<?> iterator) {
        while (size < max && iterator.hasNext()) {
            add(iterator.next());
        }
    }

    private void add(Object element) {
        if (size == elements.length) {
            elements = Arrays.copyOf(elements, Math.min(max, Math.max(8, size * 2)));
        }
        elements[size++] = element;
    }
}
