package io.genscope.agent.install;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.Opcodes;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;

/**
 * The agent's class file transformer: reads each class a {@link ClassWeaving} may select (from its
 * class file, so nothing is loaded or initialised: its outline at once, its Byte Buddy type
 * description when a weaving needs one, see {@link ArrivingClass}), and has each weaving that
 * selects it write its code in, changing method bodies and nothing else (no new members, so
 * retransformation works too).
 *
 * <p>This replaces Byte Buddy's {@code AgentBuilder}: the builder generated a class for itself
 * when installed and set up class injection the advice never uses, which together cost a
 * hello-world JVM about 160 ms of start-up (median of 7 runs).
 *
 * <p>Nothing of Byte Buddy is loaded until a class that {@link ClassNameFilter} lets through
 * arrives: the weavings too make their matchers then (and the MBean server hook reads its advice).
 *
 * <p>Thread-safe: classes load concurrently; all state is per call. A class that loads while
 * another is being woven on the same thread never reaches this transformer (the JVM does not
 * call transformers re-entrantly on a thread), so weaving never recurses; the type pool reads
 * class files and loads nothing. Nothing thrown here reaches the class being loaded: a failure
 * is reported and the class loads unchanged.
 */
final class AdviceWeaver implements ClassFileTransformer {

    private final ClassNameFilter names;
    private final List<ClassWeaving> weavings;
    private final WeavingReport report;

    AdviceWeaver(ClassNameFilter names, List<ClassWeaving> weavings, WeavingReport report) {
        this.names = names;
        this.weavings = List.copyOf(weavings);
        this.report = report;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> redefined,
                            ProtectionDomain domain, byte[] classFile) {
        return transform(loader, internalName, redefined, domain, classFile);
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
                            byte[] classFile) {
        if (!names.mayWeave(internalName, loader, classFile)) {
            return null;
        }
        String name = internalName.replace('/', '.');
        try {
            return weave(name, loader, classFile);
        } catch (Throwable failure) {
            report.failed(name, failure);
            return null;
        }
    }

    /** The woven class file, or {@code null} when no weaving applies to the class. */
    private byte[] weave(String name, ClassLoader loader, byte[] classFile) {
        ArrivingClass arriving = new ArrivingClass(name, loader, classFile);
        if (arriving.outline().is(Opcodes.ACC_SYNTHETIC)) {
            return null;
        }
        byte[] woven = classFile;
        // the last weaving's code goes in first, so that the first rule's calls enclose the others'
        for (int i = weavings.size() - 1; i >= 0; i--) {
            ClassWeaving weaving = weavings.get(i);
            if (weaving.selects(arriving)) {
                woven = weaving.weave(woven, arriving);
            }
        }
        if (woven == classFile) {
            return null;
        }
        report.woven(name);
        return woven;
    }

    /**
     * Weaves the classes loaded before the agent (when attached to a running JVM, or for the hook's
     * class when another agent loaded it first) by retransforming them, one by one so that one
     * failure costs only its class.
     */
    void weaveLoaded(Instrumentation instrumentation) {
        retransform(instrumentation, names, weavings);
    }

    /**
     * Retransforms the loaded classes that {@code names} lets through and one of {@code selecting}
     * selects, one by one so that one failure costs only its class: after a reload, the classes
     * of the rules it removed, changed or added, which the JVM then hands this weaver as they
     * were first defined, and which come out with the weavings in use now, or none.
     *
     * @return how many classes were retransformed
     */
    int retransform(Instrumentation instrumentation, ClassNameFilter names, List<ClassWeaving> selecting) {
        int retransformed = 0;
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (instrumentation.isModifiableClass(loaded)
                    && names.mayWeave(ClassNameFilter.internalName(loaded.getName()), loaded.getClassLoader(), null)
                    && selected(loaded, selecting)) {
                try {
                    instrumentation.retransformClasses(loaded);
                    retransformed++;
                } catch (Throwable failure) {
                    report.failed(loaded.getName(), failure);
                }
            }
        }
        return retransformed;
    }

    private static boolean selected(Class<?> loaded, List<ClassWeaving> weavings) {
        TypeDescription type = TypeDescription.ForLoadedType.of(loaded);
        for (ClassWeaving weaving : weavings) {
            if (weaving.types().matches(type)) {
                return true;
            }
        }
        return false;
    }
}
