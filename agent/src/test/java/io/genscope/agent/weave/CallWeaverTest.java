package io.genscope.agent.weave;

import fixture.weave.CallShapes;
import fixture.weave.OddCode;
import io.genscope.runtime.Genscope;
import io.genscope.runtime.recording.Recorder;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calls {@link CallWeaver} writes, on real classes defined from the woven bytes (so the JVM
 * verifies them, stack map frames included) and run: every method of {@link CallShapes} returns
 * or throws exactly what it does unwoven, and the runtime sees one entry and one exit per call
 * with the rule, receiver, arguments, result and exception; a runtime that throws changes
 * nothing for the caller.
 */
class CallWeaverTest {

    private static final String SHAPES = "fixture.weave.CallShapes";
    /** The arguments each method runs with; a method not named runs with none. */
    private static final Map<String, List<Object[]>> ARGUMENTS = Map.ofEntries(
            Map.entry("add", runs(new Object[] {2, 3})),
            Map.entry("longs", runs(new Object[] {5L, 2.5, 7})),
            Map.entry("doubles", runs(new Object[] {1.5, 4L})),
            Map.entry("nothing", runs(new Object[] {"four"})),
            Map.entry("branches", runs(new Object[] {-1}, new Object[] {0}, new Object[] {9})),
            Map.entry("loop", runs(new Object[] {0}, new Object[] {10})),
            Map.entry("doWhileAtStart", runs(new Object[] {3})),
            Map.entry("whileTrueAtStart", runs(new Object[] {2})),
            Map.entry("tryCatchFinally", runs(new Object[] {"42"}, new Object[] {"x"})),
            Map.entry("synchronizedMethod", runs(new Object[] {"s"})),
            Map.entry("synchronizedBlock", runs(new Object[] {"abc"}, new Object[] {""})),
            Map.entry("throwsChecked", runs(new Object[] {0}, new Object[] {4})),
            Map.entry("primitives", runs(new Object[] {true, 'x', (byte) 1, (short) 2, 1.5f})),
            Map.entry("character", runs(new Object[] {'q'})),
            Map.entry("floats", runs(new Object[] {1.25f})),
            Map.entry("recursive", runs(new Object[] {5})),
            Map.entry("reassigns", runs(new Object[] {"a", 3})),
            Map.entry("switches", runs(new Object[] {1}, new Object[] {100}, new Object[] {5})),
            Map.entry("stringSwitch", runs(new Object[] {"b"}, new Object[] {"z"})),
            Map.entry("lambda", runs(new Object[] {"hi"})),
            Map.entry("arrays", runs(new Object[] {2}, new Object[] {0})),
            Map.entry("alwaysThrows", runs(new Object[] {"always"})),
            Map.entry("ternary", runs(new Object[] {true}, new Object[] {false})),
            Map.entry("nestedHandlers", runs(new Object[] {"ab"}, new Object[] {""})));

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void uninstall() {
        Genscope.uninstall();
    }

    @Test
    void everyShapeReturnsOrThrowsWhatItDidAndTheRuntimeSeesEachCall() throws Exception {
        everyShapeReturnsOrThrowsWhatItDid(classFile());
    }

    /**
     * A class file without stack map frames (before Java 6): the stack's height is followed from
     * jump targets and handlers, so branches, loops, switches and handlers that return are woven
     * (and verified by the JVM's older verifier) as with frames.
     */
    @Test
    void withoutStackMapFramesEveryShapeIsWovenToo() throws Exception {
        byte[] frameless = frameless(classFile());
        assertThat(new ClassReader(frameless).readShort(6)).isEqualTo((short) Opcodes.V1_5);

        Map<String, WovenCall> everyMethod = new LinkedHashMap<>();
        for (String method : declaredMethods(frameless)) {
            everyMethod.put(method, new WovenCall(0, new int[0], true, true));
        }
        assertThat(CallWeaver.weave(frameless, everyMethod).refused()).isEmpty();
        everyShapeReturnsOrThrowsWhatItDid(frameless);
    }

    private void everyShapeReturnsOrThrowsWhatItDid(byte[] classFile) throws Exception {
        Set<String> declared = declaredMethods(classFile);
        List<Method> shapes = shapes().stream().filter(method -> declared.contains(key(method))).toList();
        assertThat(shapes).hasSizeGreaterThan(15);
        for (boolean exitReadsCall : new boolean[] {false, true}) {
            Map<String, WovenCall> calls = new LinkedHashMap<>();
            Map<String, Integer> rules = new LinkedHashMap<>();
            for (Method method : shapes) {
                int rule = 100 + rules.size() * 37; // past iconst and bipush too
                rules.put(method.getName(), rule);
                calls.put(key(method), new WovenCall(rule, firstSlots(method), true, exitReadsCall));
            }
            Class<?> woven = define(CallWeaver.weave(classFile, calls).classFile());
            Genscope.install(new RecordingRecorder(), server -> { });
            for (Method method : shapes) {
                for (Object[] arguments : ARGUMENTS.getOrDefault(method.getName(), runs(new Object[0]))) {
                    Outcome expected = run(define(classFile), method.getName(), arguments);
                    events.clear();
                    Object[] self = new Object[1];
                    Outcome actual = run(woven, method.getName(), arguments, self);

                    String call = method.getName() + Arrays.toString(arguments) + (exitReadsCall ? ", exit reads call" : "");
                    assertThat(actual).as(call).isEqualTo(expected);
                    assertThat(events).as(call).hasSizeGreaterThanOrEqualTo(2);
                    Event enter = events.get(0);
                    Event last = events.get(events.size() - 1);
                    Event exit = new Event(false, last.rule(), last.token(), last.self(), last.slots(),
                            last.returned() instanceof Supplier<?> supplier ? supplier.get() : last.returned(),
                            last.thrown());
                    int rule = rules.get(method.getName());
                    Object[] slots = Arrays.copyOf(Arrays.copyOf(arguments, Math.min(3, arguments.length)), 3);
                    assertThat(enter).as(call).isEqualTo(new Event(true, rule, enter.token(), self[0], slots, null, null));
                    assertThat(exit).as(call).isEqualTo(new Event(false, rule, enter.token(),
                            exitReadsCall ? self[0] : null, exitReadsCall ? slots : new Object[3],
                            expected.thrown() == null ? expected.result() : defaultValue(method.getReturnType()),
                            expected.thrown() == null ? null : actual.thrown()));
                }
            }
            Genscope.uninstall();
        }
    }

    @Test
    void aResultNobodyReadsIsNotHandedOver() throws Exception {
        Method add = CallShapes.class.getMethod("add", int.class, int.class);
        Class<?> woven = define(CallWeaver.weave(classFile(), Map.of(key(add), new WovenCall(1, new int[0], false, false)))
                .classFile());
        Genscope.install(new RecordingRecorder(), server -> { });

        assertThat(run(woven, "add", new Object[] {2, 3}).result()).isEqualTo(5);
        assertThat(events).containsExactly(new Event(true, 1, 1, null, new Object[3], null, null),
                new Event(false, 1, 1, null, new Object[3], null, null));
    }

    @Test
    void whatTheRuntimeThrowsNeverReachesTheCaller() throws Exception {
        Map<String, WovenCall> calls = new LinkedHashMap<>();
        for (Method method : shapes()) {
            calls.put(key(method), new WovenCall(2, firstSlots(method), true, true));
        }
        Class<?> woven = define(CallWeaver.weave(classFile(), calls).classFile());
        for (Recorder throwing : List.of(new ThrowingRecorder(new IllegalStateException("runtime")),
                new ThrowingRecorder(new StackOverflowError()))) {
            Genscope.install(throwing, server -> { });
            for (Method method : shapes()) {
                for (Object[] arguments : ARGUMENTS.getOrDefault(method.getName(), runs(new Object[0]))) {
                    assertThat(run(woven, method.getName(), arguments)).as(method.getName())
                            .isEqualTo(run(unwoven(), method.getName(), arguments));
                }
            }
        }
    }

    /**
     * A method whose code the shared exit cannot take (a return with more than its value on the
     * stack, a subroutine: neither of which javac writes since Java 6) is left as it is and named
     * with why; the other methods of its class are woven.
     */
    @Test
    void aMethodThatCannotBeWovenIsLeftAsItIsAndTheOthersAreWoven() throws Exception {
        Map<String, WovenCall> calls = new LinkedHashMap<>();
        for (String name : List.of("stacked", "subroutine", "plain")) {
            calls.put(name + "()I", new WovenCall(7, new int[0], true, false));
        }

        CallWeaver.Woven woven = CallWeaver.weave(OddCode.classFile("fixture/weave/OddCode"), calls);

        assertThat(woven.refused()).containsExactly(Map.entry("stacked()I", "a return leaves 2 slots on the operand stack"),
                Map.entry("subroutine()I", "a subroutine (jsr)"));
        Class<?> odd = define("fixture.weave.OddCode", woven.classFile());
        Genscope.install(new RecordingRecorder(), server -> { });
        assertThat(odd.getMethod("stacked").invoke(null)).isEqualTo(2);
        assertThat(odd.getMethod("subroutine").invoke(null)).isEqualTo(3);
        assertThat(events).isEmpty();
        assertThat(odd.getMethod("plain").invoke(null)).isEqualTo(4);
        assertThat(events).containsExactly(new Event(true, 7, 1, null, new Object[3], null, null),
                new Event(false, 7, 1, null, new Object[3], 4, null));
    }

    /**
     * A loop back to the method's first instruction, whose frame there is less specific than the
     * entry's (the parameter's slot reused for an {@code int}, so {@code TOP} there): the woven
     * body's start carries that frame, not the entry's, or the jump back would not verify.
     */
    @Test
    void aLoopBackToTheFirstInstructionIsCheckedAgainstTheMethodsOwnFrameThere() throws Exception {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "fixture/weave/Reuse", null,
                "java/lang/Object", null);
        MethodVisitor countDown = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "countDown",
                "(Ljava/lang/String;I)I", null, null);
        countDown.visitCode();
        Label start = new Label();
        Label end = new Label();
        Object[] reused = {Opcodes.TOP, Opcodes.INTEGER};
        countDown.visitLabel(start);
        countDown.visitFrame(Opcodes.F_NEW, 2, reused, 0, new Object[0]);
        countDown.visitVarInsn(Opcodes.ILOAD, 1);
        countDown.visitJumpInsn(Opcodes.IFLE, end);
        countDown.visitIincInsn(1, -1);
        countDown.visitVarInsn(Opcodes.ILOAD, 1);
        countDown.visitVarInsn(Opcodes.ISTORE, 0); // the String parameter's slot, now an int
        countDown.visitJumpInsn(Opcodes.GOTO, start);
        countDown.visitLabel(end);
        countDown.visitFrame(Opcodes.F_NEW, 2, reused, 0, new Object[0]);
        countDown.visitVarInsn(Opcodes.ILOAD, 1);
        countDown.visitInsn(Opcodes.IRETURN);
        countDown.visitMaxs(0, 0);
        writer.visitEnd();

        for (boolean exitReadsCall : new boolean[] {false, true}) {
            CallWeaver.Woven woven = CallWeaver.weave(writer.toByteArray(), Map.of("countDown(Ljava/lang/String;I)I",
                    new WovenCall(3, new int[] {0, 1}, true, exitReadsCall)));
            Method method = define("fixture.weave.Reuse", woven.classFile()).getMethod("countDown", String.class, int.class);
            Genscope.install(new RecordingRecorder(), server -> { });
            events.clear();

            assertThat(method.invoke(null, "three", 3)).isEqualTo(0);
            assertThat(method.invoke(null, "none", -2)).isEqualTo(-2);
            assertThat(events).hasSize(4);
            Genscope.uninstall();
        }
    }

    @Test
    void aClassWhereNoMethodCanBeWovenComesBackAsItWas() {
        byte[] classFile = OddCode.classFile("fixture/weave/OddCode");

        CallWeaver.Woven woven = CallWeaver.weave(classFile, Map.of("stacked()I", new WovenCall(7, new int[0], true, false)));

        assertThat(woven.classFile()).isSameAs(classFile);
        assertThat(woven.refused()).containsOnlyKeys("stacked()I");
    }

    /**
     * An interpreted or C1-compiled frame grows with the method's maximum stack, which a recursive
     * generator pays per level: the inserted code asks for what it needs (the exit's arguments)
     * and no more.
     */
    @Test
    void theInsertedCodeAsksForNoDeeperStackThanItNeeds() throws Exception {
        Method recursive = CallShapes.class.getMethod("recursive", int.class);
        Map<String, Integer> unwoven = maxStacks(classFile());

        assertThat(maxStacks(CallWeaver.weave(classFile(), Map.of(key(recursive),
                new WovenCall(0, new int[0], false, false))).classFile()).get("recursive"))
                .isEqualTo(Math.max(unwoven.get("recursive"), 5)); // rule, token, result, exception
        assertThat(maxStacks(CallWeaver.weave(classFile(), Map.of(key(recursive),
                new WovenCall(0, new int[] {0}, true, true))).classFile()).get("recursive"))
                .isEqualTo(9); // rule, token, receiver, three slots, result, exception
    }

    private static Map<String, Integer> maxStacks(byte[] classFile) {
        Map<String, Integer> maxStacks = new LinkedHashMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMaxs(int maxStack, int maxLocals) {
                        maxStacks.put(name, maxStack);
                    }
                };
            }
        }, 0);
        return maxStacks;
    }

    @Test
    void theEntryPointsItCallsAreTheRuntimes() throws Exception {
        assertThat(CallCode.RUNTIME).isEqualTo(Type.getInternalName(Genscope.class));
        assertThat(CallCode.ENTER).isEqualTo(Type.getMethodDescriptor(Genscope.class.getMethod("enter", int.class,
                Object.class, Object.class, Object.class, Object.class)));
        assertThat(CallCode.EXIT_WITH_RESULT).isEqualTo(Type.getMethodDescriptor(Genscope.class.getMethod("exit",
                int.class, long.class, Object.class, Throwable.class)));
        assertThat(CallCode.EXIT_WITH_CALL).isEqualTo(Type.getMethodDescriptor(Genscope.class.getMethod("exit",
                int.class, long.class, Object.class, Object.class, Object.class, Object.class, Object.class,
                Throwable.class)));
    }

    private static List<Object[]> runs(Object[]... arguments) {
        return List.of(arguments);
    }

    private static List<Method> shapes() {
        List<Method> methods = new ArrayList<>();
        for (Method method : CallShapes.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !method.getName().equals("finallyRuns")) {
                methods.add(method);
            }
        }
        methods.sort((a, b) -> a.getName().compareTo(b.getName()));
        return methods;
    }

    /** What a method's result is on the exceptional path: a primitive's zero, boxed, as Byte Buddy's advice had. */
    private static Object defaultValue(Class<?> type) {
        return type.isPrimitive() && type != void.class ? Array.get(Array.newInstance(type, 1), 0) : null;
    }

    private static int[] firstSlots(Method method) {
        int[] slots = new int[Math.min(3, method.getParameterCount())];
        Arrays.setAll(slots, i -> i);
        return slots;
    }

    private static String key(Method method) {
        return method.getName() + Type.getMethodDescriptor(method);
    }

    /** The methods {@code classFile} declares, constructors aside, keyed as {@link CallWeaver#weave} takes them. */
    private static Set<String> declaredMethods(byte[] classFile) {
        Set<String> methods = new HashSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (!name.startsWith("<")) {
                    methods.add(name + descriptor);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE);
        return methods;
    }

    /**
     * {@code classFile} as a Java 5 class file, without stack map frames, less the methods that
     * use what Java 5 class files cannot hold ({@code invokedynamic}: a lambda, string concatenation).
     */
    private static byte[] frameless(byte[] classFile) {
        Set<String> dynamic = new HashSet<>();
        ClassReader reader = new ClassReader(classFile);
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap,
                                                       Object... arguments) {
                        dynamic.add(name + descriptor);
                    }
                };
            }
        }, 0);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(Opcodes.V1_5, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return dynamic.contains(name + descriptor) ? null
                        : super.visitMethod(access, name, descriptor, signature, exceptions);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    private static byte[] classFile() throws IOException {
        try (InputStream in = CallShapes.class.getResourceAsStream("CallShapes.class")) {
            return in.readAllBytes();
        }
    }

    /** A fresh copy of the fixture, unwoven, so its static state starts afresh as the woven one's does. */
    private static Class<?> unwoven() throws IOException {
        return define(classFile());
    }

    private static Class<?> define(byte[] classFile) {
        return define(SHAPES, classFile);
    }

    /** Defines the class in a loader of its own, which the JVM verifies as it would any host's. */
    private static Class<?> define(String name, byte[] classFile) {
        return new ClassLoader(CallWeaverTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(name, classFile, 0, classFile.length);
            }
        }.define();
    }

    private static Outcome run(Class<?> shapes, String name, Object[] arguments) throws Exception {
        return run(shapes, name, arguments, new Object[1]);
    }

    /** Runs the method on a new instance (left in {@code self[0]}) unless static. */
    private static Outcome run(Class<?> shapes, String name, Object[] arguments, Object[] self) throws Exception {
        Method method = Arrays.stream(shapes.getDeclaredMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
        self[0] = Modifier.isStatic(method.getModifiers()) ? null : shapes.getConstructor().newInstance();
        try {
            Object result = method.invoke(self[0], arguments);
            return new Outcome(result instanceof Supplier<?> supplier ? supplier.get() : result, null);
        } catch (InvocationTargetException thrown) {
            return new Outcome(null, thrown.getCause());
        }
    }

    /** What a call returned, or threw (compared by class and message). */
    private record Outcome(Object result, Throwable thrown) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Outcome that && Objects.equals(result, that.result)
                    && (thrown == null ? that.thrown == null : that.thrown != null
                    && thrown.getClass() == that.thrown.getClass() && Objects.equals(thrown.getMessage(),
                    that.thrown.getMessage()));
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(result);
        }
    }

    /** One call into the runtime, as it arrived. */
    private record Event(boolean enter, int rule, long token, Object self, Object[] slots, Object returned,
                         Throwable thrown) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Event that && enter == that.enter && rule == that.rule && token == that.token
                    && self == that.self && Arrays.equals(slots, that.slots) && Objects.equals(returned, that.returned)
                    && thrown == that.thrown;
        }

        @Override
        public int hashCode() {
            return rule;
        }

        @Override
        public String toString() {
            return (enter ? "enter " : "exit ") + rule + " token " + token + " self " + (self == null ? null : "object")
                    + " slots " + Arrays.toString(slots) + " returned " + returned + " thrown " + thrown;
        }
    }

    private final class RecordingRecorder implements Recorder {

        private long tokens;

        @Override
        public long enter(int rule, Object self, Object[] args) {
            throw new AssertionError("the woven code calls the slot entry points");
        }

        @Override
        public void exit(int rule, long token, Object self, Object[] args, Object returned, Throwable thrown) {
            throw new AssertionError("the woven code calls the slot entry points");
        }

        @Override
        public long enterWithSlots(int rule, Object self, Object slot0, Object slot1, Object slot2) {
            long token = ++tokens;
            events.add(new Event(true, rule, token, self, new Object[] {slot0, slot1, slot2}, null, null));
            return token;
        }

        @Override
        public void exitWithSlots(int rule, long token, Object self, Object slot0, Object slot1, Object slot2,
                                  Object returned, Throwable thrown) {
            events.add(new Event(false, rule, token, self, new Object[] {slot0, slot1, slot2}, returned, thrown));
        }
    }

    private record ThrowingRecorder(Throwable thrown) implements Recorder {

        @Override
        public long enter(int rule, Object self, Object[] args) {
            return fail();
        }

        @Override
        public void exit(int rule, long token, Object self, Object[] args, Object returned, Throwable thrown) {
            fail();
        }

        @Override
        public long enterWithSlots(int rule, Object self, Object slot0, Object slot1, Object slot2) {
            return fail();
        }

        @Override
        public void exitWithSlots(int rule, long token, Object self, Object slot0, Object slot1, Object slot2,
                                  Object returned, Throwable thrown) {
            fail();
        }

        private long fail() {
            if (thrown instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) thrown;
        }
    }
}
