package io.genscope.agent.advice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bound to the method's return value when the rule needs it (a capture reads {@code return}, or
 * the value may be a future), else to {@code null}: a primitive result is never boxed for a rule
 * that does not read it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Returned {
}
