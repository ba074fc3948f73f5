package io.genscope.agent.weave;

import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * What the inserted code needs to know of a method: its class, whether it is static, where each
 * parameter lives among the locals, its return type, how many locals its own code uses (the
 * inserted code's locals come after them) and whether its class file carries stack map frames.
 *
 * @param owner     the internal name of the method's class
 * @param maxLocals the local variable slots the method's own code uses
 * @param frames    whether the class file has stack map frames (Java 6 and later)
 */
record MethodShape(String owner, boolean isStatic, Type[] parameters, Type returnType, int maxLocals,
                   boolean frames) {

    MethodShape(String owner, int access, String descriptor, int maxLocals, boolean frames) {
        this(owner, (access & Opcodes.ACC_STATIC) != 0, Type.getArgumentTypes(descriptor),
                Type.getReturnType(descriptor), maxLocals, frames);
    }

    /** The local variable slot of parameter {@code position}. */
    int parameterLocal(int position) {
        int local = isStatic ? 0 : 1;
        for (int i = 0; i < position; i++) {
            local += parameters[i].getSize();
        }
        return local;
    }

    /** The locals as the method starts: the receiver and the parameters, in a frame's form. */
    List<Object> entryLocals() {
        List<Object> locals = new ArrayList<>();
        if (!isStatic) {
            locals.add(owner);
        }
        for (Type parameter : parameters) {
            locals.add(frameType(parameter));
        }
        return locals;
    }

    /** How a value of {@code type} appears in a stack map frame (ASM's expanded form). */
    static Object frameType(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT -> Opcodes.INTEGER;
            case Type.FLOAT -> Opcodes.FLOAT;
            case Type.LONG -> Opcodes.LONG;
            case Type.DOUBLE -> Opcodes.DOUBLE;
            case Type.ARRAY -> type.getDescriptor();
            default -> type.getInternalName();
        };
    }

    /** The local variable slots {@code locals} (a frame's, in expanded form) take. */
    static int slots(List<Object> locals) {
        int slots = 0;
        for (Object local : locals) {
            slots += local == Opcodes.LONG || local == Opcodes.DOUBLE ? 2 : 1;
        }
        return slots;
    }
}
