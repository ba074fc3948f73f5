package io.genscope.agent.weave;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inserts the runtime's entry and exit calls into the methods of a class file, with the ASM that
 * Byte Buddy ships and nothing else of Byte Buddy: one pass to learn each method's local variable
 * count and whether it can be woven ({@link CodeSurvey}), one to copy the class with the methods
 * that can rewritten ({@link CallCode}). The rest of the class (its constant pool, members and
 * other methods) is copied as it is, and no member is added, so a class can be woven again on
 * retransformation. A method that cannot be woven costs only itself: it is left as it is and
 * named in {@link Woven#refused()}, and the others are woven.
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
     * What came of weaving a class file.
     *
     * @param classFile the woven class file; the one given, the same array, when no method was woven
     * @param refused   the methods named to weave that were left as they are (name and descriptor, as
     *                  {@link #weave} takes them), each with why, in the class file's order
     */
    public record Woven(byte[] classFile, Map<String, String> refused) {

        public Woven {
            refused = Collections.unmodifiableMap(new LinkedHashMap<>(refused));
        }
    }

    /**
     * The class file with {@code calls} inserted into its methods, keyed by name and descriptor
     * ({@code greet(Ljava/lang/String;)V}); methods not named there, and those without code, are
     * left as they are. A method whose code cannot be woven safely (a return that leaves more
     * than its value on the stack, or where the stack cannot be followed, a subroutine) is left
     * as it is too, and {@linkplain Woven#refused() named}.
     *
     * @throws IllegalArgumentException when the class file cannot be read (malformed, or of a version
     *                                  the bundled ASM does not know, see {@link ClassFiles#reader})
     * @throws IndexOutOfBoundsException (ASM's {@code MethodTooLargeException} or {@code
     *                                   ClassTooLargeException}) when a woven method or the class
     *                                   outgrows the class file format's limits; either way, and
     *                                   for anything else ASM throws on a class file it misreads,
     *                                   the caller loads the class unchanged (the agent's
     *                                   transformer catches every {@code Throwable})
     */
    public static Woven weave(byte[] classFile, Map<String, WovenCall> calls) {
        ClassReader reader = ClassFiles.reader(classFile);
        Map<String, String> refused = new LinkedHashMap<>();
        Map<String, Integer> maxLocals = survey(reader, calls, refused);
        if (maxLocals.isEmpty()) {
            return new Woven(classFile, refused);
        }
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
                Integer locals = maxLocals.get(name + descriptor);
                return locals == null ? method : new CallCode(method,
                        new MethodShape(owner, access, descriptor, locals, frames), calls.get(name + descriptor));
            }
        }, ClassReader.EXPAND_FRAMES);
        return new Woven(writer.toByteArray(), refused);
    }

    /**
     * The local variable count of each method to weave that has code and can be woven; the
     * methods that cannot go to {@code refused}, with why.
     */
    private static Map<String, Integer> survey(ClassReader reader, Map<String, WovenCall> calls,
                                               Map<String, String> refused) {
        Map<String, CodeSurvey> surveys = new LinkedHashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                String key = name + descriptor;
                if (!calls.containsKey(key)) {
                    return null;
                }
                CodeSurvey survey = new CodeSurvey(Type.getReturnType(descriptor).getSize());
                surveys.put(key, survey);
                return survey;
            }
        }, ClassReader.SKIP_DEBUG);
        Map<String, Integer> weavable = new HashMap<>();
        surveys.forEach((key, survey) -> {
            if (survey.refusal() != null) {
                refused.put(key, survey.refusal());
            } else if (survey.maxLocals() >= 0) {
                weavable.put(key, survey.maxLocals());
            }
        });
        return weavable;
    }
}
