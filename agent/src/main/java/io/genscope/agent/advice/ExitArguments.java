package io.genscope.agent.advice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bound to the call's arguments as an {@code Object[]} when the rule reads arguments when the call ends,
 * else to {@code null}: a rule that reads none allocates no array.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ExitArguments {
}
