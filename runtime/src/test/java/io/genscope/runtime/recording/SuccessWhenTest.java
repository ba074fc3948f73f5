package io.genscope.runtime.recording;

import io.genscope.runtime.Role;
import io.genscope.runtime.rule.RuleCaptures;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.store.TallyTotals;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.genscope.runtime.testing.CapturePaths.arg;
import static io.genscope.runtime.testing.CapturePaths.returned;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code success-when} and {@code failure-type}: a generation that returns a failed result is a
 * failure, of the type read from the result; retries and validations count as without them.
 */
class SuccessWhenTest {

    /** What a batch runner returns instead of throwing. */
    public record Outcome(Boolean ok, String code) {
    }

    private static final int JUDGED = GeneratorLoop.FIRST_EXTRA;
    private static final int UNTYPED = GeneratorLoop.FIRST_EXTRA + 1;
    private static final GeneratorLoop.Request REQUEST = GeneratorLoop.Request.of("gpt-4");

    private final GeneratorLoop loop = new GeneratorLoop(
            rule("judged", returned("code")),
            rule("untyped", null));

    private static RuleDefinition rule(String name, io.genscope.runtime.capture.PropertyPath failureType) {
        return new RuleDefinition(name, Role.GENERATION, new RuleCaptures(null, arg(0, "model"), null, null, null, null,
                null, null, null, null, null, null, returned("ok"), failureType, null));
    }

    private Object run(int rule, Outcome outcome) throws Exception {
        return loop.call(rule, loop, new Object[] {REQUEST}, () -> outcome);
    }

    @Test
    void aFalseSuccessWhenIsAFailureOfTheTypeRead() throws Exception {
        run(JUDGED, new Outcome(true, null));
        run(JUDGED, new Outcome(false, "E_SPEC"));
        run(JUDGED, new Outcome(false, "E_SPEC"));

        TallyTotals totals = loop.totals(Dimension.rule(JUDGED));
        assertThat(totals.generations()).isEqualTo(3);
        assertThat(totals.successes()).isEqualTo(1);
        assertThat(totals.failures()).isEqualTo(2);
        assertThat(totals.failureTypes()).containsExactly(Map.entry("E_SPEC", 2L));
    }

    @Test
    void withoutFailureTypeTheTypeIsUnsuccessful() throws Exception {
        run(UNTYPED, new Outcome(false, "E_SPEC"));

        assertThat(loop.totals(Dimension.rule(UNTYPED)).failureTypes())
                .containsExactly(Map.entry(RuleCaptures.UNSUCCESSFUL, 1L));
    }

    @Test
    void aNullSuccessWhenCountsAsReturnedNormallyAndAsAFailedCapture() throws Exception {
        run(JUDGED, new Outcome(null, "E_SPEC"));
        run(JUDGED, null);

        assertThat(loop.totals(Dimension.rule(JUDGED)).successes()).isEqualTo(2);
        assertThat(loop.rules.get(JUDGED).captureFailures()).isEqualTo(2);
        assertThat(loop.log.warnings()).anyMatch(line -> line.contains("success-when"));
    }

    @Test
    void retriesAndValidationsCountTheSameWhenSuccessWhenFails() throws Exception {
        loop.call(JUDGED, loop, new Object[] {REQUEST}, () -> {
            loop.compile(Verdict.failed("E1"));
            loop.regenerate(() -> null);
            loop.compile(Verdict.passed());
            return new Outcome(false, "E_LATE");
        });

        TallyTotals totals = loop.totals(Dimension.rule(JUDGED));
        assertThat(totals.failures()).isEqualTo(1);
        assertThat(totals.retryAttempts()).isEqualTo(1);
        assertThat(totals.retriedGenerations()).isEqualTo(1);
        assertThat(totals.validations()).isEqualTo(2);
        assertThat(totals.validationFailures()).isEqualTo(1);
    }

    @Test
    void anAsyncGenerationIsJudgedOnTheValueItCompletesWith() throws Exception {
        CompletableFuture<Outcome> failed = loop.call(JUDGED, loop, new Object[] {REQUEST}, CompletableFuture::new);
        CompletableFuture<Outcome> passed = loop.call(JUDGED, loop, new Object[] {REQUEST}, CompletableFuture::new);
        failed.complete(new Outcome(false, "E_ASYNC"));
        passed.complete(new Outcome(true, null));

        TallyTotals totals = loop.totals(Dimension.rule(JUDGED));
        assertThat(totals.successes()).isEqualTo(1);
        assertThat(totals.failureTypes()).containsExactly(Map.entry("E_ASYNC", 1L));
    }
}
