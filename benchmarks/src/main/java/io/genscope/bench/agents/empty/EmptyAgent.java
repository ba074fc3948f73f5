package io.genscope.bench.agents.empty;

import java.lang.instrument.Instrumentation;

/**
 * An agent whose {@code premain} does nothing: what any {@code -javaagent} costs a JVM's start-up
 * (opening the jar, starting the instrumentation support), against which run.sh states the
 * start-up Genscope adds. Packaged alone as {@code benchmarks/target/empty-agent.jar}.
 *
 * <pre>
 * java -javaagent:benchmarks/target/empty-agent.jar -cp benchmarks/target/benchmarks.jar bench.host.HelloWorld
 * </pre>
 */
public final class EmptyAgent {

    private EmptyAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        // Nothing, on purpose.
    }
}
