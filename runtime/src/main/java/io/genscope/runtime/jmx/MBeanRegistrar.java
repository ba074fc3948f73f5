package io.genscope.runtime.jmx;

import io.genscope.runtime.RuntimeLog;

import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers and unregisters Genscope's MBeans on one MBean server, under {@link JmxExporter#DOMAIN}.
 * A failure is logged with what it means for JConsole and never thrown: a missing MBean must not
 * stop the others, nor reach whoever triggered the registration.
 *
 * <p>Thread-safe as far as the MBean server is.
 */
final class MBeanRegistrar {

    private final MBeanServer server;
    private final RuntimeLog log;

    MBeanRegistrar(MBeanServer server, RuntimeLog log) {
        this.server = server;
        this.log = log;
    }

    /** {@code io.genscope:<properties>}, or {@code null} (logged) if that is no valid name. */
    ObjectName name(String properties) {
        try {
            return new ObjectName(JmxExporter.DOMAIN + ":" + properties);
        } catch (Exception e) {
            log.error("invalid MBean name '" + JmxExporter.DOMAIN + ":" + properties + "': " + e.getMessage());
            return null;
        }
    }

    /** Registers {@code mbean} as {@code name}, replacing whatever is registered under that name. */
    void register(ObjectName name, Object mbean) {
        if (name == null) {
            return;
        }
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(mbean, name);
        } catch (Exception | LinkageError e) {
            log.error("could not register MBean " + name + ": " + e + "; that MBean will be missing in JConsole");
        }
    }

    void unregister(ObjectName name) {
        if (name == null) {
            return;
        }
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (Exception | LinkageError e) {
            log.error("could not unregister MBean " + name + ": " + e + "; it stays in JConsole with no new figures");
        }
    }
}
