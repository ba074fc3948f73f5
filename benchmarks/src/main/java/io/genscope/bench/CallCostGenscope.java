// Run from the repository root (the agent and config paths are relative to it):
//   java -jar benchmarks/target/benchmarks.jar CallCostGenscope -prof gc
package io.genscope.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link CallCost} under the Genscope agent with {@code benchmarks/configs/calls.yaml}. */
@Fork(value = 3, jvmArgsAppend = "-javaagent:agent/target/genscope-agent.jar=config=benchmarks/configs/calls.yaml")
public class CallCostGenscope extends CallCost {

    @Override
    protected ForkCheck forkCheck() {
        return ForkCheck.GENSCOPE;
    }
}
