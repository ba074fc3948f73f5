package io.genscope.bench;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link CallCost} fork must look like for its score to mean what its class name says.
 * A wrong path in {@code jvmArgsAppend} stops the JVM from starting, but an agent that starts
 * and then instruments nothing (a renamed workload method, a broken config, a transformation
 * error), or a fork that runs another agent than its class names, would not, and the fork would
 * measure the wrong thing: these checks catch that and fail the trial.
 */
enum ForkCheck {

    /** No {@code -javaagent} at all. */
    NO_AGENT {
        @Override
        void verify(String rule) {
            agents().stream().findAny().ifPresent(argument -> {
                throw fail("the baseline fork runs with " + argument);
            });
        }
    },

    /**
     * Genscope alone, with its own runtime on the boot class path, reported no error, and
     * intercepted calls of the benchmark's rule.
     */
    GENSCOPE {
        @Override
        void verify(String rule) {
            onlyAgent("genscope-agent.jar");
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
                        .map(row -> (CompositeData) row)
                        .filter(row -> rule.equals(row.get("key")))
                        .mapToLong(row -> (Long) ((CompositeData) row.get("value")).get("calls"))
                        .sum();
                if (calls == 0) {
                    throw fail("Genscope intercepted no call of the rule " + rule);
                }
            } catch (ClassNotFoundException | JMException e) {
                throw fail("Genscope is not running in this fork (" + e + ")");
            }
        }
    },

    /** The module's minimal advice agent alone, and its advice counted calls. */
    MINIMAL_AGENT {
        @Override
        void verify(String rule) {
            onlyAgent("minimal-agent.jar");
            long calls;
            try {
                // By name: benchmarks.jar leaves the agent out, so only the agent's jar can hold it.
                calls = ((LongAdder) Class.forName("io.genscope.bench.agents.minimal.MinimalAgent")
                        .getField("CALLS").get(null)).sum();
            } catch (ReflectiveOperationException e) {
                throw fail("the minimal agent is not running in this fork (" + e + ")");
            }
            if (calls == 0) {
                throw fail("the minimal agent's advice counted no call");
            }
        }
    },

    /**
     * The OpenTelemetry agent alone, with its bootstrap classes on the boot class path, and its
     * method instrumentation applied: the agent injects that instrumentation's helper class into
     * the class loader of a class it instruments, here the workload's.
     */
    OTEL {
        @Override
        void verify(String rule) {
            onlyAgent("opentelemetry-javaagent.jar");
            try {
                Class.forName("io.opentelemetry.javaagent.bootstrap.AgentInitializer", false, null);
            } catch (ClassNotFoundException e) {
                throw fail("the OpenTelemetry agent is not running in this fork");
            }
            try {
                Class.forName("io.opentelemetry.javaagent.instrumentation.methods.MethodSingletons", false,
                        CallCost.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw fail("the OpenTelemetry agent instrumented no workload method");
            }
        }
    };

    /**
     * @param rule the rule of {@code benchmarks/configs/calls.yaml} whose method the fork's benchmark calls
     * @throws IllegalStateException if the fork is not what the benchmark claims to measure
     */
    abstract void verify(String rule);

    /** The fork's {@code -javaagent} arguments (native agents, such as profilers', are left alone). */
    static List<String> agents() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-javaagent"))
                .toList();
    }

    /** Fails unless the fork runs exactly one agent, from a jar of that name. */
    static void onlyAgent(String jar) {
        List<String> agents = agents();
        if (agents.size() != 1 || !agents.get(0).matches("-javaagent:(.*/)?" + jar.replace(".", "\\.") + "(=.*)?")) {
            throw fail("the fork should run " + jar + " alone, it runs " + agents);
        }
    }

    private static IllegalStateException fail(String problem) {
        return new IllegalStateException(problem + "; the scores of this fork are meaningless");
    }
}
