package io.genscope.agent.it;

import com.sun.tools.attach.VirtualMachine;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * What JConsole and VisualVM do with a local process: attach, start the JVM's local management
 * agent (a JVM started with no JMX flag has none), and connect to the address it gives.
 */
public final class LocalManagementAgent {

    private LocalManagementAgent() {
    }

    /** A JMX connection to the JVM with this pid; close it when done. */
    public static JMXConnector connect(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        return JMXConnectorFactory.connect(new JMXServiceURL(address));
    }
}
