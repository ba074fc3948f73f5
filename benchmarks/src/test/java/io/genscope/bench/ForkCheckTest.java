package io.genscope.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The fork checks in a JVM with no agent, as the test runs: the baseline's check passes, every
 * agent's check fails the fork. (run.sh shows each agent's check passing in its own forks.)
 */
class ForkCheckTest {

    @Test
    void aForkWithNoAgentIsTheBaseline() {
        ForkCheck.NO_AGENT.verify("timing");
    }

    @Test
    void aForkWithoutItsAgentMeasuresTheWrongThing() {
        assertThatIllegalStateException().isThrownBy(() -> ForkCheck.MINIMAL_AGENT.verify("timing"))
                .withMessage("the fork should run minimal-agent.jar alone, it runs []; the scores of this fork are meaningless");
        assertThatIllegalStateException().isThrownBy(() -> ForkCheck.GENSCOPE.verify("timing"))
                .withMessageContaining("genscope-agent.jar alone");
        assertThatIllegalStateException().isThrownBy(() -> ForkCheck.OTEL.verify("timing"))
                .withMessageContaining("opentelemetry-javaagent.jar alone");
    }

    @Test
    void aTwoThreadBenchmarkCallsTheRuleOfItsOneThreadTwin() {
        assertThat(CallCost.ruleOf("io.genscope.bench.CallCostGenscope.validationTwoThreads")).isEqualTo("validation");
        assertThat(CallCost.ruleOf("io.genscope.bench.CallCostOtel.generation")).isEqualTo("generation");
    }
}
