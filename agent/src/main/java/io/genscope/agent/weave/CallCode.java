package io.genscope.agent.weave;

import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rewrites one method's code around its body, as Byte Buddy's {@code Advice} did with
 * {@code suppress = Throwable.class} and {@code onThrowable = Throwable.class}:
 *
 * <pre>
 * token = 0; try { token = Genscope.enter(rule, this | null, slot0, slot1, slot2); } catch (Throwable t) { }
 * try { <i>body, each return going to the exit with its value</i> }
 * catch (Throwable thrown) { try { Genscope.exit(..., null | 0, thrown); } catch (Throwable t) { } throw thrown; }
 * exit: try { Genscope.exit(..., result | null, null); } catch (Throwable t) { } return result;
 * </pre>
 *
 * Nothing the runtime throws reaches the caller, and the method returns or throws what it did.
 * The exit code lies after the body, outside every handler of the method's own. Arguments are
 * boxed when primitive; when the exit reads the call ({@link WovenCall#exitReadsCall}), the
 * receiver and the boxed slots are kept in locals of their own from entry, so the exit sees
 * them as on entry, whatever the body does to its parameters.
 *
 * <p>The inserted locals come after the method's own ({@link MethodShape#maxLocals}), so the
 * body's code is copied unchanged; its stack map frames are copied with the inserted locals
 * appended, and the inserted code's frames are written out, so no class is ever loaded to
 * compute one. The method's code has been found weavable first ({@link CodeSurvey}): each
 * return leaves only its value on the stack, which the shared exit takes, and there is no
 * subroutine.
 *
 * <p>Not thread-safe: one per method being woven.
 */
final class CallCode extends MethodVisitor {

    static final String RUNTIME = "io/genscope/runtime/Genscope";
    static final String ENTER = "(ILjava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)J";
    static final String EXIT_WITH_RESULT = "(IJLjava/lang/Object;Ljava/lang/Throwable;)V";
    static final String EXIT_WITH_CALL = "(IJLjava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;"
            + "Ljava/lang/Object;Ljava/lang/Throwable;)V";
    private static final String THROWABLE = "java/lang/Throwable";
    private static final String OBJECT = "java/lang/Object";

    private final MethodShape shape;
    private final WovenCall call;
    /** The call's argument positions ({@link WovenCall#slots()}), read once. */
    private final int[] slots;
    private final Label bodyStart = new Label();
    private final Label bodyEnd = new Label();
    private final Label bodyHandler = new Label();
    private final Label exit = new Label();
    /** The receiver's copy, or -1; then the slots' copies (when the exit reads the call). */
    private final int selfLocal;
    private final int[] slotLocals;
    private final int tokenLocal;
    private final int resultLocal;
    private final int thrownLocal;
    private final int maxLocals;
    private boolean begun;
    private boolean returns;
    /**
     * The frame where the body starts, as the entry code leaves the locals, until the body's first
     * instruction; {@code null} from then on. A frame of the body's own at its first instruction
     * (a loop back to the start) takes its place, as jumps there must be checked against it: the
     * entry state, the method's own with the inserted locals after it, fits it as it fitted the
     * method unwoven.
     */
    private List<Object> bodyStartFrame;

    CallCode(MethodVisitor method, MethodShape shape, WovenCall call) {
        super(Opcodes.ASM9, method);
        this.shape = shape;
        this.call = call;
        this.slots = call.slots();
        int local = shape.maxLocals();
        boolean copies = call.exitReadsCall();
        selfLocal = copies && !shape.isStatic() ? local++ : -1;
        slotLocals = new int[copies ? slots.length : 0];
        for (int i = 0; i < slotLocals.length; i++) {
            slotLocals[i] = local++;
        }
        tokenLocal = local;
        resultLocal = local + 2;
        thrownLocal = resultLocal + shape.returnType().getSize();
        maxLocals = thrownLocal + 1;
    }

    /** Runs the entry code once the method's own exception table has been visited, before its first instruction. */
    private void begin() {
        if (begun) {
            return;
        }
        begun = true;
        Label enterStart = new Label();
        Label enterEnd = new Label();
        Label enterHandler = new Label();
        super.visitTryCatchBlock(enterStart, enterEnd, enterHandler, THROWABLE);
        super.visitTryCatchBlock(bodyStart, bodyEnd, bodyHandler, THROWABLE);
        if (selfLocal >= 0) {
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitVarInsn(Opcodes.ASTORE, selfLocal);
        }
        for (int slotLocal : slotLocals) {
            super.visitInsn(Opcodes.ACONST_NULL);
            super.visitVarInsn(Opcodes.ASTORE, slotLocal);
        }
        super.visitLabel(enterStart);
        for (int i = 0; i < slotLocals.length; i++) {
            loadArgument(slots[i]);
            super.visitVarInsn(Opcodes.ASTORE, slotLocals[i]);
        }
        pushInt(call.rule());
        if (shape.isStatic()) {
            super.visitInsn(Opcodes.ACONST_NULL);
        } else {
            super.visitVarInsn(Opcodes.ALOAD, 0);
        }
        for (int i = 0; i < WovenCall.SLOTS; i++) {
            if (i >= slots.length) {
                super.visitInsn(Opcodes.ACONST_NULL);
            } else if (slotLocals.length > 0) {
                super.visitVarInsn(Opcodes.ALOAD, slotLocals[i]);
            } else {
                loadArgument(slots[i]);
            }
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "enter", ENTER, false);
        super.visitVarInsn(Opcodes.LSTORE, tokenLocal);
        super.visitLabel(enterEnd);
        super.visitJumpInsn(Opcodes.GOTO, bodyStart);
        super.visitLabel(enterHandler);
        List<Object> entry = padded(shape.entryLocals(), shape.maxLocals());
        entry.addAll(copies());
        frame(entry, THROWABLE);
        super.visitInsn(Opcodes.POP);
        super.visitInsn(Opcodes.LCONST_0);
        super.visitVarInsn(Opcodes.LSTORE, tokenLocal);
        super.visitLabel(bodyStart);
        entry.add(Opcodes.LONG);
        bodyStartFrame = entry;
    }

    /** Ends the body and writes the exits after it: the exceptional one, and the one every return goes to. */
    @Override
    public void visitMaxs(int maxStack, int maxLocalsOfBody) {
        begin();
        super.visitLabel(bodyEnd);
        super.visitLabel(bodyHandler);
        List<Object> locals = padded(new ArrayList<>(), shape.maxLocals());
        locals.addAll(copies());
        locals.add(Opcodes.LONG);
        frame(locals, THROWABLE);
        super.visitVarInsn(Opcodes.ASTORE, thrownLocal);
        List<Object> withThrown = padded(new ArrayList<>(locals), resultLocal + shape.returnType().getSize());
        withThrown.add(THROWABLE);
        guardedExit(withThrown, false, () -> {
            super.visitVarInsn(Opcodes.ALOAD, thrownLocal);
            super.visitInsn(Opcodes.ATHROW);
        });
        if (returns) {
            super.visitLabel(exit);
            List<Object> withResult = new ArrayList<>(locals);
            if (shape.returnType().getSize() > 0) {
                withResult.add(MethodShape.frameType(shape.returnType()));
            }
            frame(withResult);
            guardedExit(withResult, true, () -> {
                if (shape.returnType().getSize() > 0) {
                    super.visitVarInsn(shape.returnType().getOpcode(Opcodes.ILOAD), resultLocal);
                }
                super.visitInsn(shape.returnType().getOpcode(Opcodes.IRETURN));
            });
        }
        super.visitMaxs(Math.max(maxStack, insertedStack()), maxLocals);
    }

    /**
     * The deepest operand stack the inserted code needs, no deeper: an interpreted or C1-compiled
     * frame of the method grows with it, which a recursive generator pays per level.
     */
    private int insertedStack() {
        int enter = 2 + WovenCall.SLOTS; // the rule, the receiver and the slots
        for (int i = 0; i < slots.length && slotLocals.length == 0; i++) {
            // an argument loaded (two slots for a long or double) above those pushed before it, then boxed
            enter = Math.max(enter, 2 + i + shape.parameters()[slots[i]].getSize());
        }
        // the rule and the token, the receiver and slots when the exit reads the call, then the result
        // (loaded, two slots for a long or double, then boxed) and the exception
        int exit = 3 + (call.exitReadsCall() ? 1 + WovenCall.SLOTS : 0) + 2;
        return Math.max(enter, exit);
    }

    /**
     * The exit call, guarded, then {@code leave} (return or rethrow), and after it the guard's
     * handler: drop what the runtime threw, then {@code leave} too. {@code locals} is the frame's.
     */
    private void guardedExit(List<Object> locals, boolean returned, Runnable leave) {
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        super.visitTryCatchBlock(start, end, handler, THROWABLE);
        super.visitLabel(start);
        pushInt(call.rule());
        super.visitVarInsn(Opcodes.LLOAD, tokenLocal);
        if (call.exitReadsCall()) {
            if (selfLocal >= 0) {
                super.visitVarInsn(Opcodes.ALOAD, selfLocal);
            } else {
                super.visitInsn(Opcodes.ACONST_NULL);
            }
            for (int i = 0; i < WovenCall.SLOTS; i++) {
                if (i < slotLocals.length) {
                    super.visitVarInsn(Opcodes.ALOAD, slotLocals[i]);
                } else {
                    super.visitInsn(Opcodes.ACONST_NULL);
                }
            }
        }
        Type result = shape.returnType();
        if (call.passesResult() && result.getSize() > 0) {
            if (returned) {
                super.visitVarInsn(result.getOpcode(Opcodes.ILOAD), resultLocal);
            } else {
                pushZero(result); // a primitive's default value on the exceptional path, as Byte Buddy's advice had
            }
            box(result);
        } else {
            super.visitInsn(Opcodes.ACONST_NULL);
        }
        if (returned) {
            super.visitInsn(Opcodes.ACONST_NULL);
        } else {
            super.visitVarInsn(Opcodes.ALOAD, thrownLocal);
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "exit",
                call.exitReadsCall() ? EXIT_WITH_CALL : EXIT_WITH_RESULT, false);
        super.visitLabel(end);
        leave.run();
        super.visitLabel(handler);
        frame(locals, THROWABLE);
        super.visitInsn(Opcodes.POP);
        leave.run();
    }

    /** The inserted locals live through the body, in a frame's form: the copies of the call. */
    private List<Object> copies() {
        List<Object> copies = new ArrayList<>();
        if (selfLocal >= 0) {
            copies.add(shape.owner());
        }
        for (int i = 0; i < slotLocals.length; i++) {
            copies.add(OBJECT);
        }
        return copies;
    }

    /** {@code locals} with unusable slots ({@code TOP}) added up to {@code slots} slots. */
    private static List<Object> padded(List<Object> locals, int slots) {
        for (int used = MethodShape.slots(locals); used < slots; used++) {
            locals.add(Opcodes.TOP);
        }
        return locals;
    }

    private void frame(List<Object> locals, Object... stackTypes) {
        if (shape.frames()) {
            super.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), stackTypes.length, stackTypes);
        }
    }

    private void loadArgument(int position) {
        Type type = shape.parameters()[position];
        super.visitVarInsn(type.getOpcode(Opcodes.ILOAD), shape.parameterLocal(position));
        box(type);
    }

    /** Boxes the primitive on top of the stack as {@code valueOf} does; a reference stays as it is. */
    private void box(Type type) {
        String boxed = switch (type.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.CHAR -> "java/lang/Character";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.FLOAT -> "java/lang/Float";
            case Type.LONG -> "java/lang/Long";
            case Type.DOUBLE -> "java/lang/Double";
            default -> null;
        };
        if (boxed != null) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, boxed, "valueOf",
                    "(" + type.getDescriptor() + ")L" + boxed + ";", false);
        }
    }

    /** The default value of {@code type}: zero, or {@code null} for a reference. */
    private void pushZero(Type type) {
        super.visitInsn(switch (type.getSort()) {
            case Type.LONG -> Opcodes.LCONST_0;
            case Type.FLOAT -> Opcodes.FCONST_0;
            case Type.DOUBLE -> Opcodes.DCONST_0;
            case Type.OBJECT, Type.ARRAY -> Opcodes.ACONST_NULL;
            default -> Opcodes.ICONST_0;
        });
    }

    private void pushInt(int value) {
        if (value >= -1 && value <= 5) {
            super.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            super.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            super.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            super.visitLdcInsn(value);
        }
    }

    /** The body's own instructions from here on: the entry code first, and the body's start has its frame. */
    private void instruction() {
        begin();
        if (bodyStartFrame != null) {
            frame(bodyStartFrame);
            bodyStartFrame = null;
        }
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stackTypes) {
        begin();
        if (type != Opcodes.F_NEW) {
            throw new IllegalStateException("frames must be expanded");
        }
        bodyStartFrame = null;
        List<Object> locals = padded(new ArrayList<>(Arrays.asList(local).subList(0, numLocal)), shape.maxLocals());
        locals.addAll(copies());
        locals.add(Opcodes.LONG);
        frame(locals, Arrays.copyOf(stackTypes, numStack));
    }

    @Override
    public void visitInsn(int opcode) {
        instruction();
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            if (shape.returnType().getSize() > 0) {
                super.visitVarInsn(shape.returnType().getOpcode(Opcodes.ISTORE), resultLocal);
            }
            super.visitJumpInsn(Opcodes.GOTO, exit);
            returns = true;
        } else {
            super.visitInsn(opcode);
        }
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        instruction();
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        instruction();
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        instruction();
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        instruction();
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        instruction();
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
        instruction();
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        instruction();
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLabel(Label label) {
        begin();
        super.visitLabel(label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        instruction();
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        instruction();
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        instruction();
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        instruction();
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        instruction();
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }
}
