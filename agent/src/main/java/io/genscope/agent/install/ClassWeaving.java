package io.genscope.agent.install;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/** What {@link AdviceWeaver} weaves into which classes: a rule's advice, or the MBean server hook. */
interface ClassWeaving {

    /** The classes this weaving looks into; they are read from class files, never loaded. */
    ElementMatcher<? super TypeDescription> types();

    /**
     * Adds this weaving's advice to {@code builder} for {@code type}, one of {@link #types()}.
     *
     * @return {@code builder} itself when no method of {@code type} is to be instrumented
     */
    DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type);
}
