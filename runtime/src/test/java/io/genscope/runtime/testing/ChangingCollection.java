package io.genscope.runtime.testing;

import java.util.AbstractCollection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;

/**
 * A host collection that another thread changes while it is read: its iterator gives the first
 * element, then throws {@link ConcurrentModificationException}, as a {@code java.util}
 * collection's iterator does once it notices.
 */
public final class ChangingCollection<T> extends AbstractCollection<T> {

    private final T first;

    public ChangingCollection(T first) {
        this.first = first;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private boolean given;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public T next() {
                if (given) {
                    throw new ConcurrentModificationException();
                }
                given = true;
                return first;
            }
        };
    }

    @Override
    public int size() {
        return 2;
    }
}
