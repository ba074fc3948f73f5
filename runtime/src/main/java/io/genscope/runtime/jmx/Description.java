package io.genscope.runtime.jmx;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text JConsole and VisualVM show for an MBean, attribute, operation or parameter. Read by
 * {@link DescribedMXBean}; put it on the MXBean interface's getters and operations.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface Description {

    String value();

    /** For operation parameters: the name to show instead of {@code p0}. */
    String name() default "";
}
