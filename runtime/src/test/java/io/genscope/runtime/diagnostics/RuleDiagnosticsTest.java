package io.genscope.runtime.diagnostics;

import io.genscope.runtime.Role;
import io.genscope.runtime.rule.RuleCaptures;
import io.genscope.runtime.rule.RuleDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One rule's health: what it matched, its calls, and its capture failures (each field reported once). */
class RuleDiagnosticsTest {

    private final RuleDiagnostics rule = new RuleDiagnostics(
            new RuleDefinition("generate", Role.GENERATION, RuleCaptures.none()));

    @Test
    void captureFailureAsksToBeLoggedOnlyTheFirstTimeForEachField() {
        assertThat(rule.captureFailed("model", "first")).isTrue();
        assertThat(rule.captureFailed("model", "second")).isFalse();
        assertThat(rule.captureFailed("prompt-length", "third")).isTrue();

        assertThat(rule.captureFailures()).isEqualTo(3);
        assertThat(rule.lastCaptureFailure()).isEqualTo("prompt-length: third");
    }

    @Test
    void matchedMethodsAreDistinctAndSorted() {
        rule.matched("b.Gen#run()");
        rule.matched("a.Gen#run()");
        rule.matched("b.Gen#run()");

        assertThat(rule.matchedMethods()).containsExactly("a.Gen#run()", "b.Gen#run()");
    }

    @Test
    void resetClearsCountersAndLetsAFieldBeReportedAgainButKeepsWhatWasMatched() {
        rule.matched("a.Gen#run()");
        rule.called();
        rule.captureFailed("model", "boom");

        rule.reset();

        assertThat(rule.calls()).isZero();
        assertThat(rule.captureFailures()).isZero();
        assertThat(rule.lastCaptureFailure()).isEmpty();
        assertThat(rule.captureFailed("model", "boom")).isTrue();
        assertThat(rule.matchedMethods()).containsExactly("a.Gen#run()");
    }
}
