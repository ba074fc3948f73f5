package io.genscope.runtime.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The {@link VarHandle}s of the store's own fields, for the opaque, acquire and release accesses
 * its single-writer structures rely on. A field that is not there is a build mistake, not
 * something to recover from: it fails the class's initialisation.
 */
final class FieldHandles {

    private FieldHandles() {
    }

    /** The handle of field {@code name} of {@code lookup}'s class, which passes its own lookup. */
    static VarHandle of(MethodHandles.Lookup lookup, String name, Class<?> type) {
        try {
            return lookup.findVarHandle(lookup.lookupClass(), name, type);
        } catch (ReflectiveOperationException missing) {
            throw new ExceptionInInitializerError(missing);
        }
    }
}
