package io.genscope.runtime.jmx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an MXBean operation that changes what Genscope keeps: its impact is
 * {@link javax.management.MBeanOperationInfo#ACTION}. Every other Genscope operation only reads,
 * and {@link DescribedMXBean} declares it {@link javax.management.MBeanOperationInfo#INFO}, so
 * tools can tell a query from a {@code reset} before calling it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Action {
}
