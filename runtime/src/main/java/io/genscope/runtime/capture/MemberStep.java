package io.genscope.runtime.capture;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.util.Map;

/**
 * One step of a {@link PropertyPath}, with a one-entry cache of how to read it on the last
 * receiver class seen (generators call the same method with the same types over and over, so it
 * almost always hits) in front of a per-class cache, so each class is resolved only once.
 */
final class MemberStep {

    private static final MethodHandle READ;
    private static final MethodHandle READ_BY;
    private static final MethodHandle IS_NULL;
    private static final MethodHandle NULL_RESULT =
            MethodHandles.dropArguments(MethodHandles.constant(Object.class, null), 0, Object.class);

    static {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            READ = lookup.findVirtual(MemberStep.class, "read", MethodType.methodType(Object.class, Object.class));
            READ_BY = lookup.findStatic(MemberStep.class, "readBy",
                    MethodType.methodType(boolean.class, Class.class, Object.class));
            IS_NULL = lookup.findStatic(MemberStep.class, "isNull", MethodType.methodType(boolean.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Step step;
    private final boolean lengthOrSize;
    private volatile Reader cached;
    /**
     * Every class met so far, resolved once each: a site that alternates between classes must not
     * generate a new accessor on each change. Holds classes weakly, so they can still unload.
     */
    private final ClassValue<Reader> byClass = new ClassValue<>() {
        @Override
        protected Reader computeValue(Class<?> type) {
            return resolve(type);
        }
    };

    MemberStep(Step step) {
        this.step = step;
        this.lengthOrSize = step.name().equals("length") || step.name().equals("size");
    }

    /** Whether the step is {@code length}, {@code length()}, {@code size} or {@code size()}. */
    boolean isLengthOrSize() {
        return lengthOrSize;
    }

    /**
     * Whether the step has been resolved on a class: the walk of a path is compiled only once all
     * its steps have (see {@link PathWalk}).
     */
    boolean resolved() {
        return cached != null;
    }

    /**
     * This step as one handle for a compiled walk: {@code null} stays {@code null}; a value of the
     * class last resolved is read by that member's handle directly (a constant the JIT inlines);
     * any other value goes through {@link #read}, exactly as an uncompiled walk would.
     */
    MethodHandle handle() {
        MethodHandle generic = READ.bindTo(this);
        Reader reader = cached;
        MethodHandle read = reader == null || reader.handle() == null ? generic
                : MethodHandles.guardWithTest(READ_BY.bindTo(reader.receiver()), reader.handle(), generic);
        return MethodHandles.guardWithTest(IS_NULL, NULL_RESULT, read);
    }

    private static boolean readBy(Class<?> receiver, Object target) {
        return target.getClass() == receiver;
    }

    private static boolean isNull(Object value) {
        return value == null;
    }

    Object read(Object target) throws Throwable {
        Reader reader = cached;
        if (reader == null || reader.receiver() != target.getClass()) {
            reader = byClass.get(target.getClass());
            cached = reader;
        }
        return reader.read(target);
    }

    private Reader resolve(Class<?> type) {
        if (!step.invocation() && Map.class.isAssignableFrom(type)) {
            String key = step.name();
            return new Reader(type, null, null, key);
        }
        if (!step.invocation() && type.isArray() && step.name().equals("length")) {
            return new Reader(type, null, null, null);
        }
        MethodHandle handle = MemberLookup.find(type, step);
        return new Reader(type, handle, HandleAccessors.of(handle), null);
    }

    /**
     * How to read the step on one receiver class: a member (its {@code (Object)Object} handle and
     * the accessor running it), a map key, or an array length.
     */
    private record Reader(Class<?> receiver, MethodHandle handle, Accessor accessor, String mapKey) {

        Object read(Object target) throws Throwable {
            if (accessor != null) {
                return accessor.read(target);
            }
            if (mapKey != null) {
                return ((Map<?, ?>) target).get(mapKey);
            }
            return Array.getLength(target);
        }
    }
}
