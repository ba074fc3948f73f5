package io.genscope.agent.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genscope.agent.it.cli.SummaryRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's remote access, run as written there: the keystore and truststore made by its
 * {@code keytool} commands, the sample generator started with its JMX flags (TLS for the RMI
 * registry and the connector, sharing one port), and clients set up as its {@code jconsole}
 * command sets up JConsole: a JMX API client in this JVM, and JConsole's own connection code in
 * another ({@link io.genscope.agent.it.launch.JConsoleProbe}). Also checks the README's table of
 * what each JMX role may do, and that the raw events have only the fields and types the README
 * documents.
 *
 * <p>The README's placeholders are replaced by what a test can use: a free port, loopback, and
 * passwords made for the run. <b>Note:</b> the client's truststore becomes the default
 * {@link SSLContext} of the test JVM, as {@code -Djavax.net.ssl.trustStore} makes it JConsole's:
 * {@link SslRMIClientSocketFactory} always uses the default, and keeps the first one it sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SslRemoteJmxIT {

    private static final String README_HOST = "generator.example.com";
    private static final String README_PORT = "9010";
    private static final String HOST = "127.0.0.1";
    private static final String READONLY_USER = "operator";
    private static final String READWRITE_USER = "admin";
    /** Where the RMI registry client of a JMX connection takes its socket factory from. */
    private static final String REGISTRY_SOCKET_FACTORY = "com.sun.jndi.rmi.factory.socket";

    private Path directory;
    private final Map<String, String> passwords = new HashMap<>();
    private Readme readme;
    private ForkedJvm jvm;
    private GroundTruth truth;
    private JMXServiceURL url;

    @BeforeAll
    void startTheSampleAsTheReadmeSays(@TempDir Path temporary) throws Exception {
        directory = temporary;
        int port = FreePort.find();
        for (String user : List.of(READONLY_USER, READWRITE_USER, "keystore", "truststore")) {
            passwords.put(user, UUID.randomUUID().toString());
        }
        readme = Readme.section("### Remote access").replacing(Map.of(
                README_HOST, HOST,
                README_PORT, Integer.toString(port),
                "<keystore-password>", passwords.get("keystore"),
                "<truststore-password>", passwords.get("truststore")));
        for (List<String> keytool : readme.commands().stream().filter(c -> c.get(0).equals("keytool")).toList()) {
            runKeytool(keytool);
        }
        writeOwnerOnly("jmxremote.password", READONLY_USER + " " + passwords.get(READONLY_USER) + "\n"
                + READWRITE_USER + " " + passwords.get(READWRITE_USER) + "\n");
        writeOwnerOnly("jmxremote.access", READONLY_USER + " readonly\n" + READWRITE_USER + " readwrite\n");
        writeOwnerOnly("jmxremote.ssl", "javax.net.ssl.keyStore=" + directory.resolve("jmx-keystore.p12") + "\n"
                + "javax.net.ssl.keyStorePassword=" + passwords.get("keystore") + "\n");

        jvm = ForkedJvm.start(jvmFlags(readme.command("java")), SampleLaunch.JAR.mainArgs(List.of("--keep-running")));
        truth = GroundTruth.parse(jvm.awaitLine(GroundTruth.PREFIX, Duration.ofMinutes(2)));
        url = trustTheServerAsJConsoleDoes(readme.command("jconsole"));
    }

    @AfterAll
    void stop() throws Exception {
        if (jvm != null) {
            jvm.close();
        }
    }

    @Test
    @Order(1)
    void theFiguresReadOverTlsMatchTheGeneratorsOwnCounts() throws Exception {
        new GenscopeMBeans(connection(READONLY_USER)).assertTelemetryMatches(truth);
    }

    @Test
    @Order(2)
    void aClientWithoutTlsIsRefused() {
        Map<String, Object> plain = Map.of(JMXConnector.CREDENTIALS,
                new String[] {READONLY_USER, passwords.get(READONLY_USER)});
        assertThatThrownBy(() -> JMXConnectorFactory.connect(url, plain).getMBeanServerConnection())
                .isInstanceOf(IOException.class);
    }

    @Test
    @Order(3)
    void theReadonlyUserReadsEveryAttributeAndMayCallNoOperation() throws Exception {
        MBeanServerConnection operator = connection(READONLY_USER);
        List<String> refused = new ArrayList<>();
        for (ObjectName name : operator.queryNames(new ObjectName("io.genscope:*"), null)) {
            MBeanInfo info = operator.getMBeanInfo(name);
            for (MBeanAttributeInfo attribute : info.getAttributes()) {
                operator.getAttribute(name, attribute.getName());
            }
            for (MBeanOperationInfo operation : info.getOperations()) {
                assertThatThrownBy(() -> invoke(operator, name, operation)).as(name + " " + operation.getName())
                        .isInstanceOf(SecurityException.class);
                refused.add(name.getKeyProperty("type") + "." + operation.getName());
            }
        }
        assertThat(refused).contains("Telemetry.summaryForWindow", "Telemetry.validationFailureRate",
                "Telemetry.topErrors", "Telemetry.exportEvents", "Telemetry.reset", "Model.summaryForWindow",
                "Control.reload");
    }

    @Test
    @Order(4)
    void exportedEventsHaveOnlyTheFieldsAndTypesTheReadmeDocuments() throws Exception {
        String json = (String) connection(READWRITE_USER).invoke(new ObjectName(GenscopeMBeans.TELEMETRY),
                "exportEvents", new Object[] {1000}, new String[] {"int"});
        Readme schema = Readme.section("### Raw events (`exportEvents`)");
        Set<String> types = schema.tableRows(0).keySet();
        Map<String, List<String>> fields = schema.tableRows(1);
        List<JsonNode> events = StreamSupport.stream(new ObjectMapper().readTree(json).spliterator(), false).toList();
        assertThat(events).isNotEmpty();
        for (JsonNode event : events) {
            assertThat(types).as("documented event types").contains(event.get("type").asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                assertThat(fields).as("documented fields").containsKey(field.getKey());
                assertThat(fields.get(field.getKey()).get(1)).as(field.getKey() + "'s documented JSON type")
                        .isEqualTo(jsonType(field.getValue()));
            }
        }
        assertThat(events.stream().filter(e -> e.get("type").asText().equals("validation_failure")).count())
                .as("every failed validation and no other").isEqualTo(truth.validationFailures());
    }

    @Test
    @Order(5)
    void jconsoleConnectsWithTheReadmesCommand() throws Exception {
        List<String> jconsole = readme.command("jconsole");
        List<String> flags = new ArrayList<>(List.of("--add-opens", "jdk.jconsole/sun.tools.jconsole=ALL-UNNAMED",
                "-Djava.awt.headless=true"));
        flags.addAll(jconsoleJvmFlags(jconsole));
        String[] target = jconsole.get(jconsole.size() - 1).split(":");
        try (ForkedJvm probe = ForkedJvm.start(flags, List.of("-cp", SampleLaunch.TEST_CLASSES.toString(),
                "io.genscope.agent.it.launch.JConsoleProbe", target[0], target[1], READONLY_USER,
                passwords.get(READONLY_USER)))) {
            assertThat(probe.awaitLine("jconsole ", Duration.ofMinutes(1)))
                    .isEqualTo("jconsole CONNECTED tls-registry=true generations=" + truth.generations());
        }
    }

    @Test
    @Order(6)
    void theSummaryCommandConnectsOverTlsWithTheJConsoleCommandsTrustStoreAndSaysSoWithoutIt() throws Exception {
        List<String> jconsole = readme.command("jconsole");
        Path passwordFile = Files.writeString(directory.resolve("summary-password"), passwords.get(READONLY_USER));
        SummaryRun run = SummaryRun.of(jconsoleJvmFlags(jconsole), jconsole.get(jconsole.size() - 1),
                "--user", READONLY_USER, "--password-file", passwordFile.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("  generations      " + truth.generations() + " started, ");
        SummaryRun untrusting = SummaryRun.of(List.of(), jconsole.get(jconsole.size() - 1),
                "--user", READONLY_USER, "--password-file", passwordFile.toString());
        assertThat(untrusting.exit()).as(untrusting.toString()).isEqualTo(1);
        assertThat(untrusting.stderr()).doesNotContain("\n").contains("-Djavax.net.ssl.trustStore=FILE");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theReadwriteUserMayCallEveryOperation() throws Exception {
        MBeanServerConnection admin = connection(READWRITE_USER);
        ObjectName telemetry = new ObjectName(GenscopeMBeans.TELEMETRY);
        CompositeData hour = (CompositeData) admin.invoke(telemetry, "summaryForWindow", new Object[] {3600L},
                new String[] {"long"});
        assertThat(hour.get("generations")).isEqualTo(truth.generations());
        List<MBeanOperationInfo> operations = new ArrayList<>(List.of(admin.getMBeanInfo(telemetry).getOperations()));
        operations.sort(Comparator.comparing(operation -> operation.getName().equals("reset")));
        for (MBeanOperationInfo operation : operations) {
            invoke(admin, telemetry, operation);
        }
        assertThat((Long) admin.getAttribute(telemetry, "Generations")).as("after reset").isZero();
    }

    /**
     * The README's {@code java} command's {@code -D} flags, each naming a file of the README
     * made absolute; the agent and the generator are the sample's.
     */
    private List<String> jvmFlags(List<String> command) {
        assertThat(command.get(1)).startsWith("-javaagent:");
        assertThat(command.subList(command.size() - 2, command.size())).containsExactly("-jar", "generator.jar");
        List<String> flags = new ArrayList<>(List.of(SampleLaunch.agentFlag(SampleLaunch.SAMPLE_CONFIG)));
        for (String word : command.subList(2, command.size() - 2)) {
            assertThat(word).as("a README flag").startsWith("-D");
            flags.add(withFileMadeAbsolute(word));
        }
        return flags;
    }

    /**
     * Makes the test JVM's default TLS context trust what the README's {@code jconsole} command's
     * {@code -J-Djavax.net.ssl.*} flags make JConsole trust.
     *
     * @return the JMX address of the {@code host:port} that command connects to
     */
    private JMXServiceURL trustTheServerAsJConsoleDoes(List<String> jconsole) throws Exception {
        Map<String, String> properties = new HashMap<>();
        for (String flag : jconsoleJvmFlags(jconsole)) {
            String[] property = flag.substring("-D".length()).split("=", 2);
            properties.put(property[0], property[1]);
        }
        assertThat(properties).containsOnlyKeys("javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword");
        KeyStore trusted = KeyStore.getInstance(Path.of(properties.get("javax.net.ssl.trustStore")).toFile(),
                properties.get("javax.net.ssl.trustStorePassword").toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        SSLContext.setDefault(context);
        return new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + jconsole.get(jconsole.size() - 1) + "/jmxrmi");
    }

    /** The README's {@code jconsole} command's {@code -J} flags: the JVM flags it gives JConsole. */
    private List<String> jconsoleJvmFlags(List<String> jconsole) {
        List<String> flags = new ArrayList<>();
        for (String word : jconsole.subList(1, jconsole.size() - 1)) {
            assertThat(word).as("a README jconsole flag").startsWith("-J-D");
            flags.add(withFileMadeAbsolute(word.substring("-J".length())));
        }
        return flags;
    }

    /** A connection as {@code user}, over TLS from the registry lookup on. */
    private MBeanServerConnection connection(String user) throws IOException {
        return SecuredJmx.connect(url, Map.of(
                JMXConnector.CREDENTIALS, new String[] {user, passwords.get(user)},
                REGISTRY_SOCKET_FACTORY, new SslRMIClientSocketFactory())).getMBeanServerConnection();
    }

    /** {@code -Dkey=value} with a value naming a file of the test's directory made absolute. */
    private String withFileMadeAbsolute(String flag) {
        String[] property = flag.split("=", 2);
        return property.length == 2 && Files.isRegularFile(directory.resolve(property[1]))
                ? property[0] + "=" + directory.resolve(property[1]) : flag;
    }

    private void runKeytool(List<String> command) throws Exception {
        List<String> keytool = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        keytool.addAll(command.subList(1, command.size()));
        Process process = new ProcessBuilder(keytool).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private void writeOwnerOnly(String name, String content) throws IOException {
        Files.setPosixFilePermissions(Files.writeString(directory.resolve(name), content),
                PosixFilePermissions.fromString("rw-------"));
    }

    private static Object invoke(MBeanServerConnection connection, ObjectName name, MBeanOperationInfo operation)
            throws Exception {
        MBeanParameterInfo[] signature = operation.getSignature();
        Object[] arguments = new Object[signature.length];
        String[] types = new String[signature.length];
        for (int i = 0; i < signature.length; i++) {
            types[i] = signature[i].getType();
            arguments[i] = switch (types[i]) {
                case "long" -> 3600L;
                case "int" -> 10;
                default -> throw new AssertionError(name + " " + operation.getName() + ": " + types[i]);
            };
        }
        return connection.invoke(name, operation.getName(), arguments, types);
    }

    /** How the README's table names the JSON type of {@code value}. */
    private static String jsonType(JsonNode value) {
        if (value.isArray()) {
            return value.size() > 0 && value.get(0).isObject() ? "array of objects" : "array of strings";
        }
        return value.isIntegralNumber() ? "integer" : value.isNumber() ? "number" : value.isBoolean() ? "boolean"
                : "string";
    }
}
