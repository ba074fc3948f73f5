package io.genscope.agent.weave;

import fixture.weave.CallShapes;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A class file newer than the bundled ASM knows is read as Byte Buddy's type pool reads it:
 * refused, unless {@code net.bytebuddy.experimental} is set; then read and woven with its own
 * version kept, and the class file given left as it was.
 */
class ClassFilesTest {

    /** Far past any Java release the bundled ASM knows. */
    private static final int FUTURE = 200;

    @Test
    void aClassFileNewerThanAsmKnowsIsReadOnlyWhenByteBuddyIsExperimental() throws IOException {
        byte[] future = classFile();
        future[6] = 0;
        future[7] = (byte) FUTURE;
        byte[] given = future.clone();

        assertThatThrownBy(() -> ClassFiles.reader(future)).isInstanceOf(IllegalArgumentException.class);
        String before = System.setProperty(ClassFiles.EXPERIMENTAL, "true");
        try {
            assertThat(version(ClassFiles.reader(future))).isEqualTo(FUTURE);
            CallWeaver.Woven woven = CallWeaver.weave(future, Map.of("add(II)I", new WovenCall(0, new int[0], true, false)));
            assertThat(woven.classFile()).isNotSameAs(future);
            assertThat(woven.classFile()[7]).isEqualTo((byte) FUTURE);
            assertThat(future).isEqualTo(given);
        } finally {
            if (before == null) {
                System.clearProperty(ClassFiles.EXPERIMENTAL);
            } else {
                System.setProperty(ClassFiles.EXPERIMENTAL, before);
            }
        }
    }

    private static int version(ClassReader reader) {
        int[] version = new int[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int classVersion, int access, String name, String signature, String superName,
                              String[] interfaces) {
                version[0] = classVersion & 0xFFFF;
            }
        }, ClassReader.SKIP_CODE);
        return version[0];
    }

    private static byte[] classFile() throws IOException {
        try (InputStream in = CallShapes.class.getResourceAsStream("CallShapes.class")) {
            return in.readAllBytes();
        }
    }
}
