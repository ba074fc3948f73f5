package io.genscope.agent.install;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.TypeResolutionStrategy;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;

/**
 * Byte Buddy's decoration of a class file, for the weavings whose advice Byte Buddy inlines (the
 * MBean server hook): it changes method bodies and nothing else (no new members, so
 * retransformation works too). The rules' weaving does not come here: its code is written
 * directly ({@code CallWeaver}), as Byte Buddy's general machinery cost the first class woven
 * tens of milliseconds of start-up.
 *
 * <p>Thread-safe: the {@code ByteBuddy} object is immutable, the rest is per call.
 */
final class ByteBuddyDecoration {

    private ByteBuddyDecoration() {
    }

    /** {@code classFile} with {@code weaving}'s advice, or {@code classFile} itself when it adds none. */
    static byte[] weave(ClassWeaving weaving, byte[] classFile, ArrivingClass arriving) {
        TypeDescription type = arriving.type();
        ClassFileLocator current = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(type.getName(), classFile),
                arriving.classFiles());
        DynamicType.Builder<?> original = Decorator.BYTE_BUDDY.decorate(type, current);
        DynamicType.Builder<?> builder = weaving.weave(original, type);
        return builder == original ? classFile
                : builder.make(TypeResolutionStrategy.Disabled.INSTANCE, arriving.types()).getBytes();
    }

    /**
     * Byte Buddy's entry point, made when the first class to decorate arrives (the JVM initialises
     * a nested class on first use, once).
     */
    private static final class Decorator {

        static final ByteBuddy BYTE_BUDDY = new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .with(Implementation.Context.Disabled.Factory.INSTANCE)
                .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
    }
}
