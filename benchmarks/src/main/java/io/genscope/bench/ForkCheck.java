package io.genscope.bench;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * What a {@link CallCost} fork must look like for its score to mean what its class name says.
 * A wrong path in {@code jvmArgsAppend} stops the JVM from starting, but an agent that starts
 * and then instruments nothing (a renamed workload method, a broken config, a transformation
 * error) would not, and the fork would measure the bare workload: these checks catch that.
 */
enum ForkCheck {

    /** No {@code -javaagent} at all. */
    NO_AGENT {
        @Override
        void verify() {
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(argument -> argument.startsWith("-javaagent"))
                    .findAny()
                    .ifPresent(argument -> {
                        throw fail("the baseline fork runs with " + argument);
                    });
        }
    },

    /**
     * Genscope is up with its own runtime on the boot class path, reported no error, and
     * intercepted calls (a fork runs one benchmark, which calls one rule's method).
     */
    GENSCOPE {
        @Override
        void verify() {
            try {
                if (Class.forName("io.genscope.runtime.Genscope").getClassLoader() != null) {
                    throw fail("the Genscope runtime was loaded from the class path, not from the agent");
                }
                MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                ObjectName diagnostics = new ObjectName("io.genscope:type=Diagnostics");
                long errors = (Long) server.getAttribute(diagnostics, "AgentErrors");
                if (errors > 0) {
                    throw fail("Genscope reported " + errors + " error(s): "
                            + Arrays.toString((String[]) server.getAttribute(diagnostics, "RecentProblems")));
                }
                long calls = ((TabularData) server.getAttribute(diagnostics, "Rules")).values().stream()
                        .mapToLong(row -> (Long) ((CompositeData) ((CompositeData) row).get("value")).get("calls"))
                        .sum();
                if (calls == 0) {
                    throw fail("Genscope intercepted no call");
                }
            } catch (ClassNotFoundException | JMException e) {
                throw fail("Genscope is not running in this fork (" + e + ")");
            }
        }
    },

    /** The OpenTelemetry agent put its bootstrap classes on the boot class path. */
    OTEL {
        @Override
        void verify() {
            try {
                Class.forName("io.opentelemetry.javaagent.bootstrap.AgentInitializer", false, null);
            } catch (ClassNotFoundException e) {
                throw fail("the OpenTelemetry agent is not running in this fork");
            }
        }
    };

    /** @throws IllegalStateException if the fork is not what the benchmark claims to measure */
    abstract void verify();

    private static IllegalStateException fail(String problem) {
        return new IllegalStateException(problem + "; the scores of this fork are meaningless");
    }
}
