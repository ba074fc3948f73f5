package io.genscope.agent.weave;

import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.HashMap;
import java.util.Map;

/**
 * The height of the operand stack (in slots: a {@code long} or {@code double} takes two) along a
 * method's code, followed instruction by instruction as a class reader visits it. The woven code
 * moves a method's returns to one shared exit, which the verifier accepts only when nothing but
 * the returned value is on the stack; this says whether that holds where a return is met.
 *
 * <p>After an unconditional jump, a switch, a return or a throw the height is unknown until the
 * next instruction that a jump, a switch or an exception handler (one slot: the exception) was
 * seen to reach, or a stack map frame. A class file without frames (before Java 6) thus loses
 * the height only in code reached by a backward jump alone: the body of a loop whose test an old
 * compiler put after it (javac does so no more), where a return is then refused ({@link
 * CodeSurvey}). Code reached by falling through keeps the height it had. Frames may be expanded
 * or not.
 *
 * <p>Not thread-safe: one per method being read.
 */
class StackHeight extends MethodVisitor {

    /** What follows an unconditional transfer of control, until a frame or a known jump target says. */
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

    /** The height at each jump target and exception handler seen so far, as the jump or handler leaves it. */
    private final Map<Label, Integer> targets = new HashMap<>();
    private int height;

    /** The height at the method's start: empty. */
    StackHeight() {
        super(Opcodes.ASM9);
    }

    int height() {
        return height;
    }

    /** A frame's stack; {@code numStack} counts a {@code long} or {@code double} once, in every form of frame. */
    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        int slots = 0;
        for (int i = 0; i < numStack; i++) {
            slots += stack[i] == Opcodes.LONG || stack[i] == Opcodes.DOUBLE ? 2 : 1;
        }
        height = slots;
    }

    /** A class reader visits a method's exception handlers before its code. */
    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        targets.put(handler, 1);
    }

    @Override
    public void visitLabel(Label label) {
        Integer reached = targets.get(label);
        if (height == UNKNOWN && reached != null) {
            height = reached;
        }
    }

    @Override
    public void visitInsn(int opcode) {
        instruction(opcode);
        if (opcode == Opcodes.ATHROW || opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            height = UNKNOWN;
        }
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        instruction(opcode);
    }

    /** A {@code ret} ends a subroutine: what follows is unknown, as after a {@code goto}. */
    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        instruction(opcode);
        if (opcode == Opcodes.RET) {
            height = UNKNOWN;
        }
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        instruction(opcode);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        instruction(opcode);
        reaches(label);
        if (opcode == Opcodes.GOTO) {
            height = UNKNOWN;
        }
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        switches(dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        switches(dflt, labels);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        int size = Type.getType(descriptor).getSize();
        change(switch (opcode) {
            case Opcodes.GETSTATIC -> size;
            case Opcodes.PUTSTATIC -> -size;
            case Opcodes.GETFIELD -> size - 1;
            default -> -size - 1;
        });
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        invocation(descriptor, opcode != Opcodes.INVOKESTATIC);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        invocation(descriptor, false);
    }

    @Override
    public void visitLdcInsn(Object value) {
        change(value instanceof ConstantDynamic constant ? Type.getType(constant.getDescriptor()).getSize()
                : value instanceof Long || value instanceof Double ? 2 : 1);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        change(1 - numDimensions);
    }

    /** An instruction whose stack change its opcode gives. */
    private void instruction(int opcode) {
        char delta = DELTAS.charAt(opcode);
        if (delta == '?') {
            throw new IllegalArgumentException("opcode " + opcode + " takes its stack change from its operands");
        }
        change(delta - 'E');
    }

    /** A switch pops its key and goes to one of its labels, never to the next instruction. */
    private void switches(Label dflt, Label[] labels) {
        change(-1);
        reaches(dflt);
        for (Label label : labels) {
            reaches(label);
        }
        height = UNKNOWN;
    }

    /** A jump or switch to {@code label} with the height it leaves. */
    private void reaches(Label label) {
        if (height != UNKNOWN) {
            targets.putIfAbsent(label, height);
        }
    }

    /** An invocation; {@code receiver} when it pops an object reference besides the arguments. */
    private void invocation(String descriptor, boolean receiver) {
        int sizes = Type.getArgumentsAndReturnSizes(descriptor);
        // the argument sizes count one slot for an implicit receiver
        change((sizes & 0x3) - (sizes >> 2) + (receiver ? 0 : 1));
    }

    private void change(int delta) {
        if (height != UNKNOWN) {
            height += delta;
        }
    }
}
