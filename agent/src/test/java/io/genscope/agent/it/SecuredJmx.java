package io.genscope.agent.it;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * The JVM's own remote JMX agent, set up the way the README tells users to: password
 * authentication, an access file, loopback only. Gives the flags for the forked JVM and connects
 * to it as a JConsole would: as {@link #USER}, a {@code readwrite} user, or as
 * {@link #READONLY_USER}, an operator who may read attributes and nothing else.
 */
public final class SecuredJmx {

    public static final String USER = "genscope";
    public static final String PASSWORD = "s3cret-for-tests";
    /** A user with the {@code readonly} role: may read attributes and listen, may call no operation. */
    public static final String READONLY_USER = "operator";
    public static final String READONLY_PASSWORD = "0nly-reads-for-tests";

    private final int port;
    private final Path passwordFile;
    private final Path accessFile;

    public SecuredJmx(Path directory) throws IOException {
        port = FreePort.find();
        passwordFile = ownerOnly(Files.writeString(directory.resolve("jmxremote.password"),
                USER + " " + PASSWORD + "\n" + READONLY_USER + " " + READONLY_PASSWORD + "\n"));
        accessFile = ownerOnly(Files.writeString(directory.resolve("jmxremote.access"),
                USER + " readwrite\n" + READONLY_USER + " readonly\n"));
    }

    public List<String> jvmFlags() {
        return List.of(
                "-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=true",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.password.file=" + passwordFile,
                "-Dcom.sun.management.jmxremote.access.file=" + accessFile);
    }

    /** Connects with the given credentials, retrying while the JVM is still starting its JMX agent. */
    public JMXConnector connect(String user, String password) throws IOException {
        return connect(url(), Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    /** Connects to {@code url} with {@code environment}, retrying while the JVM is still starting its JMX agent. */
    public static JMXConnector connect(JMXServiceURL url, Map<String, ?> environment) {
        AtomicReference<JMXConnector> connector = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsMatching(e -> e instanceof IOException)
                .until(() -> {
                    connector.set(JMXConnectorFactory.connect(url, environment));
                    return true;
                });
        return connector.get();
    }

    public MBeanServerConnection connection() throws IOException {
        return connect(USER, PASSWORD).getMBeanServerConnection();
    }

    /** {@code host:port} of the JVM's JMX agent, as a command line takes it. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public JMXServiceURL url() throws IOException {
        return new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
    }

    private static Path ownerOnly(Path file) throws IOException {
        return Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
