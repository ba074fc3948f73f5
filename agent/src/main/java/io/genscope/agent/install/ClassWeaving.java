package io.genscope.agent.install;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * What {@link AdviceWeaver} weaves into which classes: a rule's calls into the runtime, written
 * directly into the class file ({@link RuleWeaving}), or advice inlined by Byte Buddy (the MBean
 * server hook, through {@link #weave(DynamicType.Builder, TypeDescription)}).
 */
interface ClassWeaving {

    /** The classes this weaving looks into; they are read from class files, never loaded. */
    ElementMatcher<? super TypeDescription> types();

    /** Whether {@code arriving} is one of {@link #types()}; by default asked of its type description. */
    default boolean selects(ArrivingClass arriving) {
        return types().matches(arriving.type());
    }

    /**
     * {@code classFile} with this weaving's code in, for {@code arriving}, which it {@linkplain
     * #selects selects}; by default through Byte Buddy's decoration with {@link
     * #weave(DynamicType.Builder, TypeDescription)}.
     *
     * @param classFile the class file as woven so far (the weavings of a class are applied in turn)
     * @return {@code classFile} itself when no method is to be instrumented
     */
    default byte[] weave(byte[] classFile, ArrivingClass arriving) {
        return ByteBuddyDecoration.weave(this, classFile, arriving);
    }

    /**
     * Adds this weaving's advice to {@code builder} for {@code type}, for the default
     * {@link #weave(byte[], ArrivingClass)}.
     *
     * @return {@code builder} itself when no method of {@code type} is to be instrumented (the default)
     */
    default DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type) {
        return builder;
    }
}
