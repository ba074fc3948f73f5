package io.genscope.runtime.capture;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Turns a member's method handle into an {@link Accessor} the JIT can inline: a hidden class
 * defined from {@link ConstantHandleAccessor}'s bytecode, holding the handle as a constant.
 * The hidden class is not tied to any class loader's lifetime: it goes when the accessor does.
 *
 * <p>Where that class cannot be defined (its bytecode was not found, or the JVM refused it), the
 * accessor calls the handle kept in a field instead: the same reads, only not inlined.
 */
final class HandleAccessors {

    private static final MethodType READER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class);
    /** The template's bytecode; {@code null} when it could not be read. */
    private static final byte[] TEMPLATE = template();

    private HandleAccessors() {
    }

    /** {@code handle} adapted to {@code (Object)Object} (casting and boxing). */
    static MethodHandle reader(MethodHandle handle) {
        return handle.asType(READER);
    }

    /** An accessor running {@code handle}, adapted to {@code (Object)Object} (casting and boxing). */
    static Accessor of(MethodHandle handle) {
        MethodHandle reader = reader(handle);
        if (TEMPLATE != null) {
            try {
                MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClassWithClassData(TEMPLATE, reader, true);
                return (Accessor) hidden.findConstructor(hidden.lookupClass(), CONSTRUCTOR).invoke();
            } catch (Throwable refused) {
                // fall through to the generic accessor
            }
        }
        return target -> (Object) reader.invokeExact(target);
    }

    /**
     * Read as a resource next to this class. The runtime is on the bootstrap class path, whose
     * appended jars the JVM searches for classes only, so the lookup goes through the system
     * class path, where the agent jar is too.
     */
    private static byte[] template() {
        try (InputStream in = HandleAccessors.class.getResourceAsStream(
                ConstantHandleAccessor.class.getSimpleName() + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException unreadable) {
            return null;
        }
    }
}
