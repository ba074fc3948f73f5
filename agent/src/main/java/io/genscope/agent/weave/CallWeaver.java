package io.genscope.agent.weave;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.HashMap;
import java.util.Map;

/**
 * Inserts the runtime's entry and exit calls into the methods of a class file, with the ASM that
 * Byte Buddy ships and nothing else of Byte Buddy: one pass to learn each method's local variable
 * count, one to copy the class with its methods rewritten ({@link CallCode}). The rest of the
 * class (its constant pool, members and other methods) is copied as it is, and no member is
 * added, so a class can be woven again on retransformation.
 *
 * <p>It writes what Byte Buddy's {@code Advice} made of the agent's former advice classes, without
 * its general machinery: that machinery, loaded and run cold for the first class woven, was most
 * of the start-up the first weave cost.
 *
 * <p>No class is loaded: the stack map frames are written, never computed.
 *
 * <p>Thread-safe: all state is per call.
 */
public final class CallWeaver {

    private CallWeaver() {
    }

    /**
     * The class file with {@code calls} inserted into its methods, keyed by name and descriptor
     * ({@code greet(Ljava/lang/String;)V}); methods not named there are left as they are.
     *
     * @throws IllegalStateException when a method cannot be woven safely (a return that leaves
     *                               more than its value on the stack, a subroutine): the caller
     *                               then loads the class unchanged
     */
    public static byte[] weave(byte[] classFile, Map<String, WovenCall> calls) {
        ClassReader reader = new ClassReader(classFile);
        Map<String, Integer> maxLocals = maxLocals(reader, calls);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            private String owner;
            private boolean frames;

            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                owner = name;
                frames = (version & 0xFFFF) >= Opcodes.V1_6;
                super.visit(version, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                WovenCall call = calls.get(name + descriptor);
                if (call == null || maxLocals.get(name + descriptor) == null) {
                    return method;
                }
                return new CallCode(method, new MethodShape(owner, access, descriptor,
                        maxLocals.get(name + descriptor), frames), call);
            }
        }, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /** The local variable count of each method to weave that has code. */
    private static Map<String, Integer> maxLocals(ClassReader reader, Map<String, WovenCall> calls) {
        Map<String, Integer> found = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                String key = name + descriptor;
                return !calls.containsKey(key) ? null : new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMaxs(int maxStack, int locals) {
                        found.put(key, locals);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found;
    }
}
