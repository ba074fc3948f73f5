package io.genscope.agent.install;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * What {@link AdviceWeaver} weaves into which classes: a rule's calls into the runtime, written
 * directly into the class file ({@link RuleWeaving}), or advice inlined by Byte Buddy (the MBean
 * server hook, through {@link #weave(DynamicType.Builder, TypeDescription)}).
 */
interface ClassWeaving {

    /** The classes this weaving looks into; they are read from class files, never loaded. */
    ElementMatcher<? super TypeDescription> types();

    /**
     * {@code classFile} with this weaving's code in, for {@code type}, one of {@link #types()};
     * by default through Byte Buddy's decoration with {@link #weave(DynamicType.Builder, TypeDescription)}.
     *
     * @param classFile  the class file as woven so far (the weavings of a class are applied in turn)
     * @param type       the class, as first read
     * @param classFiles where the class file of any type comes from
     * @param types      the type pool {@code type} comes from
     * @return {@code classFile} itself when no method of {@code type} is to be instrumented
     */
    default byte[] weave(byte[] classFile, TypeDescription type, ClassFileLocator classFiles, TypePool types) {
        return ByteBuddyDecoration.weave(this, classFile, type, classFiles, types);
    }

    /**
     * Adds this weaving's advice to {@code builder} for {@code type}, for the default
     * {@link #weave(byte[], TypeDescription, ClassFileLocator, TypePool)}.
     *
     * @return {@code builder} itself when no method of {@code type} is to be instrumented (the default)
     */
    default DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type) {
        return builder;
    }
}
