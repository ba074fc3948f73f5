package io.genscope.agent.install;

import io.genscope.agent.matching.ClassOutline;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * A class the JVM is about to define, as the weavings see it: its {@linkplain #outline outline}
 * (name, modifiers, methods), read at once and cheaply, and its Byte Buddy {@linkplain #type
 * description}, made only when a weaving asks for it (a capture to check against declared types,
 * an {@code implements:} or annotation selector, a class where no method matched), as setting up
 * Byte Buddy's type pool is most of what the first weave of a simple rule would cost.
 *
 * <p>Every type is read from its class file, {@code java.lang.Object} too: a type pool that
 * starts with the loaded {@code Object} (Byte Buddy's {@code withObjectType()}) describes its
 * methods by reflection, through dispatchers that Byte Buddy builds as dynamic proxies, about
 * 20 ms of the first weave. The JDK's class files come from the boot loader when the class's
 * loader does not serve them as resources.
 *
 * <p>Not thread-safe: one per class being woven, on the thread that loads it.
 */
final class ArrivingClass {

    private final String name;
    private final ClassLoader loader;
    private final byte[] classFile;
    private final ClassOutline outline;
    private ClassFileLocator classFiles;
    private TypePool types;
    private TypeDescription type;

    ArrivingClass(String name, ClassLoader loader, byte[] classFile) {
        this.name = name;
        this.loader = loader;
        this.classFile = classFile;
        this.outline = ClassOutline.read(classFile);
    }

    ClassOutline outline() {
        return outline;
    }

    /** The class as Byte Buddy describes it from its class file, made at the first call. */
    TypeDescription type() {
        if (type == null) {
            type = types().describe(name).resolve();
        }
        return type;
    }

    /** Where the class files of the class and of the types it names come from. */
    ClassFileLocator classFiles() {
        if (classFiles == null) {
            classFiles = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile),
                    ClassFileLocator.ForClassLoader.of(loader), ClassFileLocator.ForClassLoader.ofBootLoader());
        }
        return classFiles;
    }

    /** The type pool {@link #type()} comes from. */
    TypePool types() {
        if (types == null) {
            types = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(), classFiles(),
                    TypePool.Default.ReaderMode.FAST);
        }
        return types;
    }
}
