package io.genscope.runtime.capture;

import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The elements of one captured collection, read with a bound: at most {@code max} elements of a
 * list, collection, array or other iterable (a map gives its keys; any other single value is a
 * one-element list). Reading stops at the bound, so a host list of a hundred thousand errors
 * costs the host's thread the reading of {@code max}, never more, and never a copy of the rest.
 * Nor a count of the rest: a collection cut at the bound tells its {@link #total()} only when its
 * size is known without walking it (see {@link #readAll}).
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

    private static final Set<Class<?>> SIZE_IS_A_FIELD = Set.of(ArrayList.class, LinkedList.class, ArrayDeque.class,
            PriorityQueue.class, HashSet.class, LinkedHashSet.class, TreeSet.class, HashMap.class, LinkedHashMap.class,
            TreeMap.class, IdentityHashMap.class, ConcurrentHashMap.class, CopyOnWriteArraySet.class,
            Set.of(1).getClass(), Set.of(1, 2, 3).getClass(), Map.of(1, 1).getClass(), Map.of().getClass());

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
            } else if (value instanceof Map<?, ?> map) {
                readAll(map.keySet().iterator(), value);
            } else if (value instanceof Iterable<?> iterable) {
                readAll(iterable.iterator(), value);
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

    /** The most elements one {@link #read} takes. */
    public int max() {
        return max;
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
        if (total != 0) {
            total = 0; // stored only when it changes: a record cleared call after call stays unwritten
        }
    }

    /**
     * Reads up to {@code max} elements, then the total: the number read when the iterator ran
     * out, else the size of a collection that {@linkplain #sizeIsAField knows it}, else
     * {@link #UNKNOWN}. The size is never asked first: {@code ConcurrentLinkedQueue},
     * {@code ConcurrentLinkedDeque}, {@code LinkedTransferQueue} and {@code ConcurrentSkipListSet}
     * count it by walking every element, on the host's thread.
     */
    private void readAll(Iterator<?> iterator, Object owner) {
        while (size < max && iterator.hasNext()) {
            add(iterator.next());
        }
        boolean more = size == max && iterator.hasNext();
        if (!more) {
            total = size;
        } else if (sizeIsAField(owner)) {
            total = owner instanceof Map<?, ?> map ? map.size() : ((Collection<?>) owner).size();
        } else {
            total = UNKNOWN;
        }
    }

    /**
     * Whether {@code owner} is one of the JDK's collections whose {@code size()} reads a field (a
     * {@code ConcurrentHashMap}: a few counter cells), never the elements. The class must be that
     * exactly: a subclass's {@code size()} is the host's code, and a view's (a {@code TreeMap}'s
     * {@code subMap}) may walk.
     */
    private static boolean sizeIsAField(Object owner) {
        return SIZE_IS_A_FIELD.contains(owner.getClass());
    }

    private void add(Object element) {
        if (size == elements.length) {
            elements = Arrays.copyOf(elements, Math.min(max, Math.max(8, size * 2)));
        }
        elements[size++] = element;
    }
}
