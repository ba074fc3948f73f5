package io.genscope.agent.weave;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Reads class files as Byte Buddy's type pool reads them ({@code OpenedClassReader}): a class
 * file newer than the bundled ASM knows is refused, unless the JVM runs with
 * {@code -Dnet.bytebuddy.experimental=true}, which has it read all the same, as if its version
 * were one ASM knows. The reader sees the class file's own version when it visits it, so what is
 * written from it keeps that version.
 *
 * <p>Byte Buddy's own {@code OpenedClassReader} is not used: it sets up Byte Buddy's
 * {@code ClassFileVersion} (which looks up the running JVM's version by reflection) and its
 * privileged-action helpers for every class read, which the first weave of a simple rule does
 * not otherwise load.
 *
 * <p>Thread-safe: stateless; the class file given is never modified.
 */
public final class ClassFiles {

    /** The system property Byte Buddy reads classes of unknown versions by. */
    static final String EXPERIMENTAL = "net.bytebuddy.experimental";
    /** Where the major version lies in a class file. */
    private static final int MAJOR_VERSION = 6;

    private ClassFiles() {
    }

    /**
     * A reader of {@code classFile}.
     *
     * @throws IllegalArgumentException when it is no class file, or one newer than ASM knows and
     *                                  the experimental property is not set
     */
    public static ClassReader reader(byte[] classFile) {
        try {
            return new ClassReader(classFile);
        } catch (IllegalArgumentException unknownVersion) {
            if (!Boolean.getBoolean(EXPERIMENTAL) || classFile.length < MAJOR_VERSION + 2) {
                throw unknownVersion;
            }
            // ASM checks the version when it is made only, and reads it again when it visits the class
            byte[] known = classFile.clone();
            known[MAJOR_VERSION] = 0;
            known[MAJOR_VERSION + 1] = (byte) Opcodes.V1_8;
            ClassReader reader = new ClassReader(known);
            known[MAJOR_VERSION] = classFile[MAJOR_VERSION];
            known[MAJOR_VERSION + 1] = classFile[MAJOR_VERSION + 1];
            return reader;
        }
    }
}
