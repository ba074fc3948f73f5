package io.genscope.runtime.capture;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Finds how to read a name on a class: a no-arg method {@code name()} (record components,
 * {@code length()}, {@code size()}), a getter {@code getName()}/{@code isName()}, or a field, in
 * that order, searching superclasses and interfaces.
 *
 * <p>A member is usable only if a handle can be made for it: private members of application
 * classes through {@link MethodHandles#privateLookupIn}, JDK internals only through a public
 * declaration (so {@code List.of(..).size()} resolves to {@code Collection.size()}).
 * The handle is adapted to {@code (Object)Object}; {@link MemberStep} turns it into an accessor
 * the JIT can inline ({@link HandleAccessors}) and into the path's compiled walk ({@link PathWalk}).
 */
final class MemberLookup {

    private MemberLookup() {
    }

    static MethodHandle find(Class<?> type, Step step) {
        List<String> methodNames = new ArrayList<>(3);
        methodNames.add(step.name());
        if (!step.invocation()) {
            String capitalised = step.name().substring(0, 1).toUpperCase(Locale.ROOT) + step.name().substring(1);
            methodNames.add("get" + capitalised);
            methodNames.add("is" + capitalised);
        }
        for (String name : methodNames) {
            for (Class<?> owner : hierarchy(type)) {
                Method method = declaredMethod(owner, name);
                MethodHandle handle = method == null ? null
                        : unreflect(owner, method::getModifiers, lookup -> lookup.unreflect(method));
                if (handle != null) {
                    return HandleAccessors.reader(handle);
                }
            }
        }
        if (!step.invocation()) {
            for (Class<?> owner = type; owner != null; owner = owner.getSuperclass()) {
                MethodHandle handle = field(owner, step.name());
                if (handle != null) {
                    return HandleAccessors.reader(handle);
                }
            }
        }
        throw new CaptureException("'" + step + "' is not a readable field, getter or no-arg method of "
                + type.getName());
    }

    /** The class, its superclasses, then all their interfaces, nearest first. */
    private static List<Class<?>> hierarchy(Class<?> type) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            classes.add(c);
        }
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        for (Class<?> c : classes) {
            pending.addAll(List.of(c.getInterfaces()));
        }
        List<Class<?>> result = new ArrayList<>(classes);
        while (!pending.isEmpty()) {
            Class<?> next = pending.poll();
            if (seen.add(next)) {
                result.add(next);
                pending.addAll(List.of(next.getInterfaces()));
            }
        }
        return result;
    }

    private static Method declaredMethod(Class<?> owner, String name) {
        Method method;
        try {
            method = owner.getDeclaredMethod(name);
        } catch (NoSuchMethodException | SecurityException | NoClassDefFoundError e) {
            return null;
        }
        return method.getReturnType() == void.class || Modifier.isStatic(method.getModifiers()) ? null : method;
    }

    private static MethodHandle field(Class<?> owner, String name) {
        Field field;
        try {
            field = owner.getDeclaredField(name);
        } catch (NoSuchFieldException | SecurityException | NoClassDefFoundError e) {
            return null;
        }
        if (Modifier.isStatic(field.getModifiers())) {
            return null;
        }
        return unreflect(owner, field::getModifiers, lookup -> lookup.unreflectGetter(field));
    }

    private interface Unreflection {
        MethodHandle apply(MethodHandles.Lookup lookup) throws IllegalAccessException;
    }

    private static MethodHandle unreflect(Class<?> owner, IntSupplier modifiers, Unreflection unreflection) {
        if (Modifier.isPublic(owner.getModifiers()) && Modifier.isPublic(modifiers.getAsInt())) {
            try {
                return unreflection.apply(MethodHandles.publicLookup());
            } catch (IllegalAccessException e) {
                // not exported to us: fall through to a private lookup, then give up
            }
        }
        try {
            return unreflection.apply(MethodHandles.privateLookupIn(owner, MethodHandles.lookup()));
        } catch (IllegalAccessException | SecurityException e) {
            return null;
        }
    }
}
