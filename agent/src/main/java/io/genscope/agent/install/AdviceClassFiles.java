package io.genscope.agent.install;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Where Byte Buddy reads the advice classes' bytecode from, to inline it. Advice classes load as
 * boot classes, and Byte Buddy's locator for the boot loader cannot see jars appended to the
 * bootstrap class path; the agent jar is on the system class path as well (the JVM puts it there
 * for {@code -javaagent} and for attach), so the system loader finds them there. The advice
 * class's own loader comes first, for the in-process tests, whose classes are not in a jar.
 */
final class AdviceClassFiles {

    private AdviceClassFiles() {
    }

    static ClassFileLocator of(Class<?> advice) {
        return new ClassFileLocator.Compound(ClassFileLocator.ForClassLoader.of(advice.getClassLoader()),
                ClassFileLocator.ForClassLoader.ofSystemLoader());
    }

    /**
     * The advice class as read from its class file. Describing the loaded class instead costs
     * start-up: Byte Buddy reflects on it through dispatchers it builds as dynamic proxies, and
     * every annotation type it meets becomes a dynamic proxy class of its own.
     */
    static TypeDescription describe(Class<?> advice) {
        return TypePool.Default.of(of(advice)).describe(advice.getName()).resolve();
    }
}
