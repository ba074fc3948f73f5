package io.genscope.runtime.capture;

import java.lang.reflect.Array;
import java.util.Map;

/**
 * One step of a {@link PropertyPath}, with a one-entry cache of how to read it on the last
 * receiver class seen (generators call the same method with the same types over and over, so it
 * almost always hits) in front of a per-class cache, so each class is resolved only once.
 */
final class MemberStep {

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
            return new Reader(type, null, key);
        }
        if (!step.invocation() && type.isArray() && step.name().equals("length")) {
            return new Reader(type, null, null);
        }
        return new Reader(type, MemberLookup.find(type, step), null);
    }

    /** How to read the step on one receiver class: an accessor, a map key, or an array length. */
    private record Reader(Class<?> receiver, Accessor accessor, String mapKey) {

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
