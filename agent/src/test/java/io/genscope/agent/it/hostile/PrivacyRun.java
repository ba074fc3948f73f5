package io.genscope.agent.it.hostile;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.SecuredJmx;
import io.genscope.agent.it.hostile.hosts.PrivacyMarkers;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of a privacy host in a forked JVM, with or without the agent, reachable over the JVM's
 * own (password-protected) remote JMX: waits for the host's {@code PRIVACY_READY} line, gives the
 * markers it planted, and dumps its live heap from inside it to look for them.
 *
 * <p>The host runs with {@code -XX:SoftRefLRUPolicyMSPerMB=0}, so the garbage collection of the
 * live heap dump also clears soft caches (javac keeps its name tables in one): what remains is
 * what something holds on to.
 */
final class PrivacyRun implements AutoCloseable {

    private static final Pattern PLANTED = Pattern.compile("markers=(\\d+)");
    private static final List<Charset> STRING_ENCODINGS =
            List.of(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

    private final Path directory;
    private final String name;
    private final ForkedJvm jvm;
    private final SecuredJmx jmx;
    private final List<String> markers;

    private PrivacyRun(Path directory, String name, ForkedJvm jvm, SecuredJmx jmx, long seed) {
        this.directory = directory;
        this.name = name;
        this.jvm = jvm;
        this.jmx = jmx;
        Matcher planted = PLANTED.matcher(jvm.awaitLine("PRIVACY_READY", Duration.ofMinutes(2)));
        this.markers = planted.find() ? PrivacyMarkers.all(seed, Integer.parseInt(planted.group(1))) : List.of();
    }

    /**
     * Starts {@code host} with {@code seed} and {@code hostArgs}.
     *
     * @param config the agent's config, or {@code null} to run without the agent
     */
    static PrivacyRun start(Path directory, String name, Path config, Class<?> host, long seed, String... hostArgs)
            throws Exception {
        Path runDirectory = Files.createDirectories(directory.resolve(name));
        SecuredJmx jmx = new SecuredJmx(runDirectory);
        List<String> flags = new ArrayList<>(jmx.jvmFlags());
        flags.add("-Xmx256m");
        flags.add("-XX:SoftRefLRUPolicyMSPerMB=0");
        if (config != null) {
            flags.add(SampleLaunch.agentFlag(config));
        }
        List<String> main = new ArrayList<>(List.of("-cp",
                SampleLaunch.TEST_CLASSES + File.pathSeparator + SampleLaunch.SAMPLE_JAR, host.getName(),
                Long.toString(seed)));
        main.addAll(List.of(hostArgs));
        return new PrivacyRun(runDirectory, name, ForkedJvm.start(flags, main), jmx, seed);
    }

    /** Every marker the host planted. */
    List<String> markers() {
        return markers;
    }

    ForkedJvm jvm() {
        return jvm;
    }

    MBeanServerConnection connection() throws Exception {
        return jmx.connection();
    }

    /** The markers found in a live heap dump taken inside the host now. */
    Set<String> markersInHeap() throws Exception {
        Path dump = directory.resolve(name + ".hprof");
        connection().invoke(new ObjectName("com.sun.management:type=HotSpotDiagnostic"), "dumpHeap",
                new Object[] {dump.toString(), true}, new String[] {String.class.getName(), "boolean"});
        try {
            return markersIn(Files.readAllBytes(dump));
        } finally {
            Files.delete(dump);
        }
    }

    /** The markers found in {@code text}. */
    Set<String> markersIn(String text) {
        Set<String> found = new TreeSet<>();
        for (String marker : markers) {
            if (text.contains(marker)) {
                found.add(marker);
            }
        }
        return found;
    }

    /** The markers found in {@code bytes} as the JVM stores strings: Latin-1 or UTF-16, either byte order. */
    private Set<String> markersIn(byte[] bytes) {
        Set<String> wanted = Set.copyOf(markers);
        Set<String> found = new TreeSet<>();
        for (Charset encoding : STRING_ENCODINGS) {
            byte[] prefix = PrivacyMarkers.PREFIX.getBytes(encoding);
            int width = prefix.length / PrivacyMarkers.PREFIX.length();
            int span = PrivacyMarkers.LENGTH * width;
            for (int i = 0; i + span <= bytes.length; i++) {
                if (startsWith(bytes, i, prefix)) {
                    String candidate = new String(bytes, i, span, encoding);
                    if (wanted.contains(candidate)) {
                        found.add(candidate);
                    }
                }
            }
        }
        return found;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        for (int j = 0; j < prefix.length; j++) {
            if (bytes[at + j] != prefix[j]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        jvm.close();
    }
}
