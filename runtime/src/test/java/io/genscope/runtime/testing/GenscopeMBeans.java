package io.genscope.runtime.testing;

import io.genscope.runtime.jmx.JmxExporter;
import io.genscope.runtime.jmx.MBeanNames;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Set;

/**
 * The Genscope MBeans on the platform MBean server, which every test class in this JVM shares:
 * tests that register them call {@link #unregisterAll()} afterwards so none leaks into the next.
 */
public final class GenscopeMBeans {

    public static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private GenscopeMBeans() {
    }

    public static ObjectName name(String properties) {
        try {
            return new ObjectName(JmxExporter.DOMAIN + ":" + properties);
        } catch (JMException e) {
            throw new IllegalArgumentException(properties, e);
        }
    }

    /** {@code io.genscope:type=<type>,name=<name>}, quoted only where the exporter quotes it. */
    public static ObjectName named(String type, String name) {
        return name("type=" + type + ",name=" + MBeanNames.value(name));
    }

    /** The rule or model name of a Generator or Model MBean: its {@code name} value, unquoted if quoted. */
    public static String nameOf(ObjectName mbean) {
        String value = mbean.getKeyProperty("name");
        return value.startsWith("\"") ? ObjectName.unquote(value) : value;
    }

    public static Set<ObjectName> registered() {
        return registered(SERVER);
    }

    public static Set<ObjectName> registered(MBeanServer server) {
        return server.queryNames(name("*"), null);
    }

    public static void unregisterAll() throws JMException {
        for (ObjectName name : registered()) {
            SERVER.unregisterMBean(name);
        }
    }
}
