package io.genscope.agent.weave;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
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
 * return exactly the returned value is on the stack (which javac always leaves so); read without
 * its frames, as a class file before Java 6 comes, the height is still known at every return,
 * from the jumps, switches and handlers that reach the code there.
 */
class StackHeightTest {

    private static final List<Class<?>> CLASSES = List.of(String.class, java.util.HashMap.class,
            java.util.concurrent.ConcurrentHashMap.class, java.util.regex.Pattern.class, java.math.BigInteger.class,
            java.math.BigDecimal.class, java.util.Formatter.class, java.lang.invoke.MethodHandles.class,
            java.util.stream.Collectors.class, java.time.LocalDateTime.class, Double.class, Character.class,
            java.util.Arrays.class, java.util.TreeMap.class, java.text.SimpleDateFormat.class);

    @Test
    void followsTheStackAsTheJdksFramesAndReturnsHaveIt() throws IOException {
        int[] checked = check(ClassReader.EXPAND_FRAMES);

        assertThat(checked[0]).as("frames checked").isGreaterThan(1000);
        assertThat(checked[1]).as("returns checked").isGreaterThan(1000);
    }

    @Test
    void withoutFramesKnowsTheStackAtEveryReturnFromWhatReachesIt() throws IOException {
        int[] checked = check(ClassReader.SKIP_FRAMES);

        assertThat(checked[0]).as("frames checked").isZero();
        assertThat(checked[1]).as("returns checked").isGreaterThan(1000);
    }

    /** Follows every method of {@link #CLASSES}: how many frames and returns were checked. */
    private static int[] check(int readingFlags) throws IOException {
        int[] checked = new int[2];
        for (Class<?> type : CLASSES) {
            new ClassReader(classFile(type)).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new Checking(type.getName() + "#" + name + descriptor,
                            Type.getReturnType(descriptor).getSize(), checked);
                }
            }, readingFlags);
        }
        return checked;
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = Object.class.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Follows one method and checks the height at each frame reached by falling through, and each return. */
    private static final class Checking extends StackHeight {

        private final String method;
        private final int returnSize;
        private final int[] checked;

        Checking(String method, int returnSize, int[] checked) {
            this.method = method;
            this.returnSize = returnSize;
            this.checked = checked;
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stackTypes) {
            int before = height();
            super.visitFrame(type, numLocal, local, numStack, stackTypes);
            if (before != UNKNOWN) {
                assertThat(before).as(method + " at a frame").isEqualTo(height());
                checked[0]++;
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                assertThat(height()).as(method + " at a return").isEqualTo(returnSize);
                checked[1]++;
            }
            super.visitInsn(opcode);
        }
    }
}
