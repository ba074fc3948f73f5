// Run from the repository root (the agent path is relative to it):
//   java -jar benchmarks/target/benchmarks.jar CallCostMinimalAgent -prof gc
package io.genscope.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link CallCost} under the module's own minimal advice agent ({@code benchmarks/target/minimal-agent.jar}:
 * two clock reads and a counter inlined into the same three methods): the practical floor for an agent.
 */
@Fork(value = 3, jvmArgsAppend = "-javaagent:benchmarks/target/minimal-agent.jar")
public class CallCostMinimalAgent extends CallCost {

    @Override
    protected ForkCheck forkCheck() {
        return ForkCheck.MINIMAL_AGENT;
    }
}
