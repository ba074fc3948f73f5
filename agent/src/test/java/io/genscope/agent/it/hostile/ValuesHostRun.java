package io.genscope.agent.it.hostile;

import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.GenscopeMBeans;
import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.SecuredJmx;
import io.genscope.agent.it.hostile.hosts.ValuesHost;

import javax.management.remote.JMXConnector;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of {@link ValuesHost}, with or without the agent: its stdout up to {@code DONE} (its
 * ground truth), the heap it still used after a full collection, Genscope's warning and error
 * lines, and, with the agent, its MBeans over the JVM's secured remote JMX. The agent runs with
 * the default config plus the rules of {@link #CONFIG} (which {@code benchmarks/hostile-heap.sh}
 * uses too).
 */
final class ValuesHostRun implements AutoCloseable {

    /** The config: the rules for {@link ValuesHost}'s generator and validators, everything else default. */
    static final Path CONFIG = SampleLaunch.TEST_CLASSES.resolve("hostile/values-genscope.yaml");

    private static final Duration RUN_TIME = Duration.ofMinutes(4);

    private final ForkedJvm jvm;
    private final JMXConnector connector;

    private ValuesHostRun(ForkedJvm jvm, JMXConnector connector) {
        this.jvm = jvm;
        this.connector = connector;
    }

    /** Runs the host under the agent, in {@code directory}, and connects to its MBeans. */
    static ValuesHostRun withAgent(Path directory, String... hostArgs) throws IOException {
        SecuredJmx jmx = new SecuredJmx(directory);
        List<String> flags = new ArrayList<>(jmx.jvmFlags());
        flags.add(SampleLaunch.agentFlag(CONFIG));
        ValuesHostRun run = start(flags, hostArgs);
        return new ValuesHostRun(run.jvm, jmx.connect(SecuredJmx.USER, SecuredJmx.PASSWORD));
    }

    static ValuesHostRun withoutAgent(String... hostArgs) throws IOException {
        return start(List.of(), hostArgs);
    }

    /**
     * Runs the host without the agent but with the JVM's secured remote JMX on, as
     * {@link #withAgent} runs it: the baseline of a heap comparison, so that what the JMX agent
     * of the JDK itself retains is not counted as Genscope's.
     */
    static ValuesHostRun withRemoteJmxOnly(Path directory, String... hostArgs) throws IOException {
        return start(new SecuredJmx(directory).jvmFlags(), hostArgs);
    }

    private static ValuesHostRun start(List<String> flags, String... hostArgs) throws IOException {
        List<String> jvmArgs = new ArrayList<>(flags);
        jvmArgs.addAll(List.of("-XX:+UseSerialGC", "-Xmx1g"));
        List<String> mainArgs = new ArrayList<>(List.of("-cp", SampleLaunch.TEST_CLASSES.toString(),
                ValuesHost.class.getName()));
        mainArgs.addAll(List.of(hostArgs));
        ForkedJvm jvm = ForkedJvm.start(jvmArgs, mainArgs);
        jvm.awaitLine("DONE", RUN_TIME);
        return new ValuesHostRun(jvm, null);
    }

    /** What the host printed on stdout, {@code DONE} included. */
    List<String> output() {
        return jvm.stdout();
    }

    /** The host's own counts, from its {@code key=value} lines. */
    Map<String, String> truth() {
        Map<String, String> truth = new LinkedHashMap<>();
        for (String line : output()) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                truth.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return truth;
    }

    long truthCount(String key) {
        return Long.parseLong(truth().get(key));
    }

    /** Bytes of heap in use after a full collection, once the host had done its work. */
    long heapUsed() {
        String line = jvm.stderr().stream().filter(l -> l.startsWith("HEAP_USED ")).findFirst().orElseThrow();
        return Long.parseLong(line.substring("HEAP_USED ".length()));
    }

    /** Genscope's WARN and ERROR lines. */
    List<String> problemLines() {
        return jvm.stderr().stream()
                .filter(line -> line.startsWith("[genscope] WARN") || line.startsWith("[genscope] ERROR"))
                .toList();
    }

    GenscopeMBeans mBeans() throws IOException {
        return new GenscopeMBeans(connector.getMBeanServerConnection());
    }

    /** The raw events Genscope exports, as the {@code exportEvents} operation returns them. */
    String exportedEvents(int max) throws Exception {
        return (String) mBeans().invoke(GenscopeMBeans.TELEMETRY, "exportEvents", new Object[] {max},
                new String[] {"int"});
    }

    @Override
    public void close() throws Exception {
        try {
            if (connector != null) {
                connector.close();
            }
        } finally {
            jvm.close();
        }
    }
}
