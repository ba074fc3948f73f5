package io.genscope.agent.it.launch;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Connects to a remote JVM with JConsole's own connection code, the code {@code jconsole
 * host:port} runs, and prints what it got, so that a test checks how JConsole connects rather
 * than a copy of it. Start it with the system properties given to {@code jconsole} as
 * {@code -J-D…} flags, and {@code --add-opens jdk.jconsole/sun.tools.jconsole=ALL-UNNAMED}
 * (its connection class is internal to the JDK).
 *
 * <p>Arguments: host, port, user, password. Prints one line:
 * {@code jconsole CONNECTED tls-registry=true generations=60} (the state of the connection,
 * whether JConsole looked the connector up over TLS, and Genscope's Telemetry figure), or
 * {@code jconsole FAILED <exception>} when JConsole could not reach the JMX agent.
 */
public final class JConsoleProbe {

    private JConsoleProbe() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> proxyClient = Class.forName("sun.tools.jconsole.ProxyClient");
        Object client;
        try {
            client = proxyClient.getMethod("getProxyClient", String.class, int.class, String.class, String.class)
                    .invoke(null, args[0], Integer.parseInt(args[1]), args[2], args[3]);
        } catch (InvocationTargetException refused) {
            System.out.println("jconsole FAILED " + refused.getCause());
            return;
        }
        Method connect = proxyClient.getDeclaredMethod("connect", boolean.class);
        connect.setAccessible(true);
        connect.invoke(client, false);
        Object state = proxyClient.getMethod("getConnectionState").invoke(client);
        String line = "jconsole " + state + " tls-registry=" + proxyClient.getMethod("isSslRmiRegistry").invoke(client);
        if ("CONNECTED".equals(state.toString())) {
            MBeanServerConnection connection = (MBeanServerConnection) proxyClient
                    .getMethod("getMBeanServerConnection").invoke(client);
            line += " generations=" + connection.getAttribute(new ObjectName("io.genscope:type=Telemetry"), "Generations");
        }
        System.out.println(line);
        proxyClient.getMethod("disconnect").invoke(client);
    }
}
