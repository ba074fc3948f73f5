package io.genscope.runtime.diagnostics;

import io.genscope.runtime.Role;
import io.genscope.runtime.rule.RuleCaptures;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.store.ThreadCallCounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule's health: what it matched, its calls, its capture failures and internal errors, each
 * kind logged once, then counted with at most one reminder a minute.
 */
class RuleDiagnosticsTest {

    private final RuleDiagnostics rule = new RuleDiagnostics(
            new RuleDefinition("generate", Role.GENERATION, RuleCaptures.none()));

    private static final long MINUTE = ProblemThrottle.REMINDER_INTERVAL_NANOS;

    @Test
    void captureFailureAsksToBeLoggedOnlyTheFirstTimeForEachField() {
        assertThat(rule.captureFailed("model", "first", 0)).isEqualTo(ProblemThrottle.FIRST);
        assertThat(rule.captureFailed("model", "second", 1)).isEqualTo(ProblemThrottle.SILENT);
        assertThat(rule.captureFailed("prompt-length", "third", 2)).isEqualTo(ProblemThrottle.FIRST);

        assertThat(rule.captureFailures()).isEqualTo(3);
        assertThat(rule.lastCaptureFailure()).isEqualTo("prompt-length: third");
    }

    @Test
    void repeatedProblemsGetOneReminderPerMinuteForTheWholeRuleWithTheirCount() {
        rule.captureFailed("model", "first", 0);
        rule.internalError("exit", 10);
        for (int i = 1; i <= 1_000; i++) {
            assertThat(rule.captureFailed("model", "again", 20 + i)).isEqualTo(ProblemThrottle.SILENT);
            assertThat(rule.internalError("exit", 20 + i)).isEqualTo(ProblemThrottle.SILENT);
        }

        assertThat(rule.captureFailed("model", "again", 10 + MINUTE)).isEqualTo(2_001);
        assertThat(rule.internalError("exit", 10 + MINUTE + 1)).isEqualTo(ProblemThrottle.SILENT);
        assertThat(rule.internalError("exit", 10 + 2 * MINUTE)).isEqualTo(2);
        assertThat(rule.captureFailures()).isEqualTo(1_002);
        assertThat(rule.internalErrors()).isEqualTo(1_003);
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
        ThreadCallCounts calls = new ThreadCallCounts(1);
        ThreadCallCounts.Cells thisThread = calls.register();
        rule.countsCallsIn(calls, 0);
        rule.matched("a.Gen#run()");
        thisThread.increment(0);
        rule.captureFailed("model", "boom", 0);
        rule.internalError("enter", 0);

        rule.reset();

        assertThat(rule.calls()).isZero();
        thisThread.increment(0);
        assertThat(rule.calls()).as("counts on from the reset").isEqualTo(1);
        assertThat(rule.captureFailures()).isZero();
        assertThat(rule.lastCaptureFailure()).isEmpty();
        assertThat(rule.internalErrors()).isZero();
        assertThat(rule.captureFailed("model", "boom", 1)).isEqualTo(ProblemThrottle.FIRST);
        assertThat(rule.matchedMethods()).containsExactly("a.Gen#run()");
    }
}
