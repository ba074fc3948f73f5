package io.genscope.runtime.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Turns a member's method handle into an {@link Accessor} the JIT can inline: a hidden class
 * defined from {@link ConstantHandleAccessor}'s bytecode, holding the handle as a constant.
 * The hidden class is not tied to any class loader's lifetime: it goes when the accessor does.
 */
final class HandleAccessors {

    private static final MethodType READER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class);
    private static final byte[] TEMPLATE = template();

    private HandleAccessors() {
    }

    /** An accessor running {@code handle}, adapted to {@code (Object)Object} (casting and boxing). */
    static Accessor of(MethodHandle handle) throws Throwable {
        MethodHandles.Lookup hidden = MethodHandles.lookup()
                .defineHiddenClassWithClassData(TEMPLATE, handle.asType(READER), true);
        return (Accessor) hidden.findConstructor(hidden.lookupClass(), CONSTRUCTOR).invoke();
    }

    private static byte[] template() {
        String name = ConstantHandleAccessor.class.getSimpleName() + ".class";
        try (InputStream in = HandleAccessors.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + HandleAccessors.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
