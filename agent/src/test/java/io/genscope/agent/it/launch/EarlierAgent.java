package io.genscope.agent.it.launch;

import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;

/**
 * Another agent started before Genscope that uses {@code java.lang.management} without creating
 * the platform MBean server, so {@code ManagementFactory} is loaded when Genscope's premain runs.
 */
public final class EarlierAgent {

    private EarlierAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        System.out.println("earlier agent: JVM started at " + ManagementFactory.getRuntimeMXBean().getStartTime());
    }
}
