package io.genscope.runtime.capture;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * The template of every accessor: {@link HandleAccessors} defines a hidden copy of this class per
 * member, and per compiled path walk ({@link PathWalk}), with that handle as its class data. In each copy the handle is a static final
 * constant, so the JIT inlines the read down to the field load or method call; one shared class
 * reading the handle from an instance field would leave a generic, non-inlined handle call on
 * every read.
 *
 * <p><b>Note:</b> only ever loaded as a hidden class; loaded by name, its initializer fails,
 * since it has no class data.
 */
final class ConstantHandleAccessor implements Accessor {

    private static final MethodHandle HANDLE;

    static {
        try {
            HANDLE = MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    ConstantHandleAccessor() {
    }

    @Override
    public Object read(Object target) throws Throwable {
        return (Object) HANDLE.invokeExact(target);
    }
}
