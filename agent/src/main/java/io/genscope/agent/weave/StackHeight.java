package io.genscope.agent.weave;

import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * The height of the operand stack (in slots: a {@code long} or {@code double} takes two) along a
 * method's code, followed instruction by instruction from the last stack map frame. The woven
 * code moves a method's returns to one shared exit, which the verifier accepts only when nothing
 * but the returned value is on the stack; this says whether that holds where a return is met.
 *
 * <p>After an unconditional jump, a switch, a return or a throw the height is unknown until the
 * next frame, which the class file must give for any instruction reached only by a jump. A class
 * file without frames (before Java 6) leaves it unknown there too.
 *
 * <p>Not thread-safe: one per method being woven.
 */
final class StackHeight {

    /** What follows an unconditional transfer of control, until a frame says. */
    static final int UNKNOWN = -1;

    /**
     * The stack change of each opcode, {@code 'E'} for none ({@code 'A'} is -4, {@code 'G'} +2);
     * {@code '?'} for the opcodes whose change their operands give (fields, invocations,
     * {@code ldc}, {@code multianewarray}) and those ASM never reports ({@code iload_0} and the
     * like, {@code wide}).
     */
    private static final String DELTAS =
            "EFFFFFFFFGGFFFGGFF???FGFGF????????????????????DEDE" // 0-49: constants, loads, array loads
            + "DDDDDCDCD????????????????????BABABBBBDCFFFGGGEDCDC" // 50-99: stores, stack, arithmetic
            + "DCDCDCDCDCDCDCDCEEEEDDDDDDDCDCDCEFEFDDEEFFDEDEEEBD" // 100-149: arithmetic, conversions, compares
            + "DBBDDDDDDCCCCCCCCEFEDDDCDCDE?????????FEEEDEEDD??DD"; // 150-199: jumps, returns, objects

    private int height;

    /** The height at the method's start: empty. */
    StackHeight() {
        height = 0;
    }

    int height() {
        return height;
    }

    /** A stack map frame: its stack, in ASM's expanded form (a {@code long} or {@code double} is one entry). */
    void frame(int count, Object[] stack) {
        int slots = 0;
        for (int i = 0; i < count; i++) {
            slots += stack[i] == Opcodes.LONG || stack[i] == Opcodes.DOUBLE ? 2 : 1;
        }
        height = slots;
    }

    /** An instruction whose stack change its opcode gives (all but fields, invocations, {@code ldc}, {@code multianewarray}). */
    void instruction(int opcode) {
        char delta = DELTAS.charAt(opcode);
        if (delta == '?') {
            throw new IllegalArgumentException("opcode " + opcode + " takes its stack change from its operands");
        }
        change(delta - 'E');
        if (opcode == Opcodes.GOTO || opcode == Opcodes.RET || opcode == Opcodes.TABLESWITCH
                || opcode == Opcodes.LOOKUPSWITCH || opcode == Opcodes.ATHROW
                || opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            height = UNKNOWN;
        }
    }

    void field(int opcode, String descriptor) {
        int size = Type.getType(descriptor).getSize();
        change(switch (opcode) {
            case Opcodes.GETSTATIC -> size;
            case Opcodes.PUTSTATIC -> -size;
            case Opcodes.GETFIELD -> size - 1;
            default -> -size - 1;
        });
    }

    /** An invocation; {@code receiver} when it pops an object reference besides the arguments. */
    void invocation(String descriptor, boolean receiver) {
        int sizes = Type.getArgumentsAndReturnSizes(descriptor);
        // the argument sizes count one slot for an implicit receiver
        change((sizes & 0x3) - (sizes >> 2) + (receiver ? 0 : 1));
    }

    /** An {@code ldc} of a constant taking {@code size} slots. */
    void constant(int size) {
        change(size);
    }

    void multiDimensionalArray(int dimensions) {
        change(1 - dimensions);
    }

    private void change(int delta) {
        if (height != UNKNOWN) {
            height += delta;
        }
    }
}
