package io.genscope.runtime.jmx;

import javax.management.ObjectName;

/**
 * The {@code name} value of a Generator or Model MBean: the rule or model name as it is, so
 * {@code io.genscope:type=Model,name=codex-mini} reads naturally in JConsole and becomes a plain
 * label in the Prometheus JMX exporter; quoted ({@link ObjectName#quote}) only when
 * {@code ObjectName} requires it: a name holding a separator ({@code , = :}), a quote, a newline,
 * or a wildcard ({@code * ?}, which would make the name a pattern no MBean can be registered
 * under). {@code ObjectName.quote} escapes every other character there is, so any name, even an
 * empty one or one with control characters, gets a valid MBean name.
 *
 * <p>Reading the name back: {@code ObjectName.unquote} when the value starts with a quote,
 * the value as it is otherwise.
 */
public final class MBeanNames {

    /** What an unquoted value of an {@code ObjectName} key may not hold. */
    private static final String NEEDS_QUOTES = ",=:\"*?\n";

    private MBeanNames() {
    }

    /** {@code name} as the value of an {@code ObjectName} key: unquoted unless it has to be quoted. */
    public static String value(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (NEEDS_QUOTES.indexOf(name.charAt(i)) >= 0) {
                return ObjectName.quote(name);
            }
        }
        return name;
    }
}
