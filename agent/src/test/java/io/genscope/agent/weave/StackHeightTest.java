package io.genscope.agent.weave;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StackHeight} against the JDK's own code: wherever javac wrote a frame after an
 * instruction that falls through, the height followed so far must be the frame's, and at every
 * return exactly the returned value is on the stack (which javac always leaves so).
 */
class StackHeightTest {

    private static final List<Class<?>> CLASSES = List.of(String.class, java.util.HashMap.class,
            java.util.concurrent.ConcurrentHashMap.class, java.util.regex.Pattern.class, java.math.BigInteger.class,
            java.math.BigDecimal.class, java.util.Formatter.class, java.lang.invoke.MethodHandles.class,
            java.util.stream.Collectors.class, java.time.LocalDateTime.class, Double.class, Character.class,
            java.util.Arrays.class, java.util.TreeMap.class, java.text.SimpleDateFormat.class);

    @Test
    void followsTheStackAsTheJdksFramesAndReturnsHaveIt() throws IOException {
        int[] checked = new int[2];
        for (Class<?> type : CLASSES) {
            ClassReader reader = new ClassReader(classFile(type));
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new Checking(type.getName() + "#" + name + descriptor,
                            Type.getReturnType(descriptor).getSize(), checked);
                }
            }, ClassReader.EXPAND_FRAMES);
        }
        assertThat(checked[0]).as("frames checked").isGreaterThan(1000);
        assertThat(checked[1]).as("returns checked").isGreaterThan(1000);
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = Object.class.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Follows one method and checks the height at each frame reached by falling through, and each return. */
    private static final class Checking extends MethodVisitor {

        private final String method;
        private final int returnSize;
        private final int[] checked;
        private final StackHeight stack = new StackHeight();

        Checking(String method, int returnSize, int[] checked) {
            super(Opcodes.ASM9);
            this.method = method;
            this.returnSize = returnSize;
            this.checked = checked;
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stackTypes) {
            if (stack.height() != StackHeight.UNKNOWN) {
                int before = stack.height();
                stack.frame(numStack, stackTypes);
                assertThat(before).as(method + " at a frame").isEqualTo(stack.height());
                checked[0]++;
            } else {
                stack.frame(numStack, stackTypes);
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                assertThat(stack.height()).as(method + " at a return").isEqualTo(returnSize);
                checked[1]++;
            }
            stack.instruction(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            stack.instruction(opcode);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            stack.instruction(opcode);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            stack.instruction(opcode);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            stack.field(opcode, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            stack.invocation(descriptor, opcode != Opcodes.INVOKESTATIC);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            stack.invocation(descriptor, false);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            stack.instruction(opcode);
        }

        @Override
        public void visitLdcInsn(Object value) {
            stack.constant(value instanceof ConstantDynamic constant ? Type.getType(constant.getDescriptor()).getSize()
                    : value instanceof Long || value instanceof Double ? 2 : 1);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            stack.instruction(Opcodes.TABLESWITCH);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            stack.instruction(Opcodes.LOOKUPSWITCH);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            stack.multiDimensionalArray(numDimensions);
        }
    }
}
