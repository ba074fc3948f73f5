package io.genscope.agent.advice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bound to the argument in slot 2 of the rule (see {@code ArgumentSlots}), boxed if primitive,
 * or to {@code null} when the rule reads fewer arguments.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Slot2 {
}
