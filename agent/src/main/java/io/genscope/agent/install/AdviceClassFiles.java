package io.genscope.agent.install;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

import java.util.jar.JarFile;

/**
 * Where Byte Buddy reads the bytecode of the advice it inlines (the MBean server hook's) from:
 * the agent's own jar.
 * Not through a class loader: the boot loader, which loads the advice classes, cannot see the
 * resources of a jar appended to the bootstrap class path, and the system loader looks on the
 * application's class path first, where another copy of Genscope (another version, say) would
 * hand over its advice in place of ours.
 *
 * <p>The advice is described from those class files too, through a type pool: describing the
 * loaded class instead has Byte Buddy reflect on it through dispatchers it builds as dynamic
 * proxies, and turns every annotation type it meets into a dynamic proxy class of its own, tens
 * of milliseconds of start-up.
 *
 * <p>Nothing of Byte Buddy is touched until the first advice is asked for, when the first class
 * to weave arrives ({@link OnFirstUse}).
 *
 * <p>Thread-safe: the jar is only read, and the type pool caches in a concurrent map.
 */
final class AdviceClassFiles {

    /** The locator and a type pool over it, shared by every rule's advice, so each advice class is parsed once. */
    private final OnFirstUse<Reading> reading;

    private AdviceClassFiles(JarFile agentJar) {
        this.reading = new OnFirstUse<>(() -> Reading.of(agentJar));
    }

    /**
     * @param agentJar the agent's jar, or {@code null} when its classes come from directories
     *                 (the in-process tests): then they are read through their class loader
     */
    static AdviceClassFiles of(JarFile agentJar) {
        return new AdviceClassFiles(agentJar);
    }

    /**
     * Advice from {@code advice} with the custom bindings of {@code mapping};
     * {@code Advice.withCustomMapping()} for none.
     */
    Advice advice(Class<?> advice, Advice.WithCustomMapping mapping) {
        Reading read = reading.get();
        return mapping.to(read.describe(advice), read.classFiles());
    }

    private record Reading(ClassFileLocator classFiles, TypePool types) {

        static Reading of(JarFile agentJar) {
            ClassFileLocator own = agentJar == null
                    ? ClassFileLocator.ForClassLoader.of(AdviceClassFiles.class.getClassLoader())
                    : new ClassFileLocator.ForJarFile(agentJar);
            // the JDK's classes, which the advice's signatures name, come from the boot loader
            ClassFileLocator classFiles = new ClassFileLocator.Compound(own, ClassFileLocator.ForClassLoader.ofBootLoader());
            return new Reading(classFiles, TypePool.Default.of(classFiles));
        }

        TypeDescription describe(Class<?> advice) {
            return types.describe(advice.getName()).resolve();
        }
    }
}
