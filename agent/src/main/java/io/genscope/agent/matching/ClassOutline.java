package io.genscope.agent.matching;

import io.genscope.agent.weave.ClassFiles;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.ArrayList;
import java.util.List;

/**
 * A class as its class file declares it, without its code: its name, modifiers and methods
 * (name, descriptor, modifiers), in the order of the class file. Enough to select a class by
 * name and its methods by name and parameter types, read with the ASM Byte Buddy ships and
 * nothing else of Byte Buddy: a type pool's first description of a class set up Byte Buddy's
 * descriptions and reflection dispatchers cold, about 20 ms of the first weave.
 *
 * @param name    the binary name ({@code com.acme.Outer$Inner})
 * @param access  the class's modifiers as Byte Buddy's type pool gives them: those its own {@code InnerClasses}
 *                entry gives when nested (which say {@code static}, {@code private}, {@code protected}), else
 *                the class file's
 * @param methods the methods it declares
 */
public record ClassOutline(String name, int access, List<Method> methods) {

    /**
     * The modifiers Byte Buddy's description keeps: those of the class file's 16 bits but
     * {@code ACC_SUPER}; ASM's pseudo-modifiers above them ({@code deprecated}, {@code record}) go too.
     */
    private static final int CLASS_FILE_MODIFIERS = 0xFFFF & ~Opcodes.ACC_SUPER;

    /** A method as declared: {@code descriptor} is the JVM's ({@code (Ljava/lang/String;I)V}). */
    public record Method(int access, String name, String descriptor) {

        public boolean is(int modifier) {
            return (access & modifier) != 0;
        }
    }

    public ClassOutline {
        methods = List.copyOf(methods);
    }

    /**
     * Reads the outline of {@code classFile}; throws {@code IllegalArgumentException} when it is no
     * class file, or one {@link ClassFiles#reader} does not read.
     */
    public static ClassOutline read(byte[] classFile) {
        List<Method> methods = new ArrayList<>();
        int[] access = new int[1];
        String[] name = new String[1];
        ClassFiles.reader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int modifiers, String internalName, String signature, String superName,
                              String[] interfaces) {
                access[0] = modifiers & CLASS_FILE_MODIFIERS;
                name[0] = internalName;
            }

            @Override
            public void visitInnerClass(String innerName, String outerName, String simpleName, int modifiers) {
                if (innerName.equals(name[0])) {
                    access[0] = modifiers & CLASS_FILE_MODIFIERS;
                }
            }

            @Override
            public MethodVisitor visitMethod(int modifiers, String methodName, String descriptor, String signature,
                                             String[] exceptions) {
                methods.add(new Method(modifiers, methodName, descriptor));
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassOutline(name[0].replace('/', '.'), access[0], methods);
    }

    public boolean is(int modifier) {
        return (access & modifier) != 0;
    }
}
