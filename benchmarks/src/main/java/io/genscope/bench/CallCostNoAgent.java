// Run from the repository root: java -jar benchmarks/target/benchmarks.jar CallCostNoAgent -prof gc
package io.genscope.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link CallCost} with no agent: the baseline the agents' scores are compared with. */
@Fork(3)
public class CallCostNoAgent extends CallCost {

    @Override
    protected ForkCheck forkCheck() {
        return ForkCheck.NO_AGENT;
    }
}
