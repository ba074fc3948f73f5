package io.genscope.agent.weave;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * What {@link CallWeaver}'s first pass learns of one method to weave from its code: how many
 * local variable slots it uses (the inserted code's come after them), and whether it can be
 * woven at all. It cannot when a return leaves more than its value on the stack, or where the
 * stack cannot be followed ({@link StackHeight}), as the shared exit the returns go to could not
 * take it; nor when it has a subroutine ({@code jsr}, {@code ret}), whose return address no
 * stack map frame can describe. javac writes neither since Java 6.
 *
 * <p>Not thread-safe: one per method being read.
 */
final class CodeSurvey extends StackHeight {

    private final int returnSize;
    private String refusal;
    private int maxLocals = -1;

    /** @param returnSize the slots the method's return value takes: 0 for {@code void}, 2 for a {@code long} */
    CodeSurvey(int returnSize) {
        this.returnSize = returnSize;
    }

    /** Why the method cannot be woven, or {@code null} when it can. */
    String refusal() {
        return refusal;
    }

    /** The local variable slots the method's own code uses, or -1 when it has no code. */
    int maxLocals() {
        return maxLocals;
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN && height() != returnSize) {
            refuse(height() == UNKNOWN ? "a return where the height of the operand stack cannot be followed"
                    : "a return leaves " + height() + " slots on the operand stack");
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        if (opcode == Opcodes.JSR) {
            refuse("a subroutine (jsr)");
        }
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        if (opcode == Opcodes.RET) {
            refuse("a subroutine (ret)");
        }
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        this.maxLocals = maxLocals;
    }

    /** Keeps the first reason found. */
    private void refuse(String reason) {
        if (refusal == null) {
            refusal = reason;
        }
    }
}
