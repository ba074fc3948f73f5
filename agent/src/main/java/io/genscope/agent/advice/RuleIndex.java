package io.genscope.agent.advice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bound to the index the runtime knows the rule by, a constant inlined per woven method: the
 * rule's position in the runtime's rule list, or the index of a variant of it without the
 * captures that cannot work on that method ({@code GenscopeRuntime.variant}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface RuleIndex {
}
