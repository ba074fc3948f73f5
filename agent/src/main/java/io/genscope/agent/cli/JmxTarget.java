package io.genscope.agent.cli;

import com.sun.tools.attach.VirtualMachine;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import java.io.Console;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * A JMX connection to the JVM a command names: a local pid, reached as JConsole does (attach,
 * start the JVM's local management agent, connect to the address it gives), or a remote
 * {@code host:port} with the JVM's own JMX agent, with credentials when a user is given. A
 * registry behind TLS ({@code com.sun.management.jmxremote.registry.ssl=true}) is tried when the
 * plain connection fails; the trust store is the JVM's, set with the standard
 * {@code javax.net.ssl.trustStore} properties.
 */
final class JmxTarget {

    /** The JNDI key with which the RMI registry lookup uses a socket factory of our choosing. */
    private static final String REGISTRY_SOCKET_FACTORY = "com.sun.jndi.rmi.factory.socket";

    private JmxTarget() {
    }

    static JMXConnector connect(JmxAddress options) throws CommandFailure {
        return options.local() ? local(options.target()) : remote(options);
    }

    private static JMXConnector local(String pid) throws CommandFailure {
        VirtualMachine vm = LocalJvm.attach(pid, CommandFailure::failed);
        try {
            return local(pid, vm);
        } finally {
            LocalJvm.detach(vm);
        }
    }

    /** A connection to the local management agent of {@code vm}, started if need be, as JConsole does. */
    static JMXConnector local(String pid, VirtualMachine vm) throws CommandFailure {
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } catch (IOException e) {
            throw CommandFailure.failed("cannot start the local management agent of pid " + pid + ": "
                    + e.getMessage());
        }
        try {
            return JMXConnectorFactory.connect(new JMXServiceURL(address));
        } catch (IOException e) {
            throw CommandFailure.failed("cannot connect to the local management agent of pid " + pid + ": "
                    + e.getMessage());
        }
    }

    private static JMXConnector remote(JmxAddress options) throws CommandFailure {
        JMXServiceURL url;
        try {
            url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + options.target() + "/jmxrmi");
        } catch (IOException e) {
            throw CommandFailure.usage("'" + options.target() + "' is not a host:port: " + e.getMessage());
        }
        Map<String, Object> environment = new HashMap<>();
        if (options.user().isPresent()) {
            environment.put(JMXConnector.CREDENTIALS, new String[] {options.user().get(), password(options)});
        }
        try {
            return connect(url, environment, options);
        } catch (IOException plain) {
            if (refused(plain)) {
                throw CommandFailure.failed("cannot connect to " + options.target() + ": connection refused (is its"
                        + " JMX agent on that port?)");
            }
            environment.put(REGISTRY_SOCKET_FACTORY, new SslRMIClientSocketFactory());
            try {
                return connect(url, environment, options);
            } catch (IOException overTls) {
                throw CommandFailure.failed("cannot connect to " + options.target() + ": " + plain.getMessage()
                        + "; nor with a TLS registry: " + overTls.getMessage() + " (a TLS server's certificate must be"
                        + " in the trust store: java -Djavax.net.ssl.trustStore=FILE"
                        + " -Djavax.net.ssl.trustStorePassword=... )");
            }
        }
    }

    /** Whether nothing listens at the address: a {@code ConnectException} anywhere in the causes. */
    private static boolean refused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static JMXConnector connect(JMXServiceURL url, Map<String, Object> environment, JmxAddress options)
            throws IOException, CommandFailure {
        try {
            return JMXConnectorFactory.connect(url, environment);
        } catch (SecurityException e) {
            throw CommandFailure.failed("authentication to " + options.target() + " failed"
                    + options.user().map(user -> " for user '" + user + "'").orElse(" (no --user given)")
                    + ": " + e.getMessage());
        }
    }

    /** The first line of the password file, or what the user types at a prompt without echo. */
    private static String password(JmxAddress options) throws CommandFailure {
        if (options.passwordFile().isPresent()) {
            try {
                return Files.readAllLines(options.passwordFile().get(), StandardCharsets.UTF_8).stream()
                        .findFirst().orElse("");
            } catch (IOException e) {
                throw CommandFailure.failed("cannot read the password file " + options.passwordFile().get() + ": "
                        + e.getMessage());
            }
        }
        Console console = System.console();
        if (console == null) {
            throw CommandFailure.usage("--user needs --password-file when there is no terminal to prompt on");
        }
        char[] typed = console.readPassword("JMX password for %s: ", options.user().get());
        if (typed == null) {
            throw CommandFailure.failed("no password given");
        }
        return new String(typed);
    }
}
