package io.genscope.runtime.recording;

import io.genscope.runtime.Role;
import io.genscope.runtime.rule.RuleCaptures;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.store.RequestTotals;
import io.genscope.runtime.store.RequestTotals.Outcome;
import io.genscope.runtime.store.TallyTotals;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Body;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static io.genscope.runtime.testing.CapturePaths.arg;
import static io.genscope.runtime.testing.CapturePaths.returned;
import static io.genscope.runtime.testing.GeneratorLoop.GENERATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code request} role: what happens on a thread inside a request call belongs to it, and a
 * validation or retry outside the generation call is attributed to the request's generation.
 */
class RequestRecordingTest {

    private static final int HANDLE = GeneratorLoop.FIRST_EXTRA;
    private static final int JUDGED = GeneratorLoop.FIRST_EXTRA + 1;
    private static final Request GPT = Request.of("gpt-4");
    private static final Code CODE = Code.of("class A {}");

    /** A batch runner's result: {@code ok} false when the generation failed without throwing. */
    public record Outcome2(boolean ok) {
    }

    private final GeneratorLoop loop = new GeneratorLoop(
            new RuleDefinition("handle", Role.REQUEST, RuleCaptures.none()),
            new RuleDefinition("judged", Role.GENERATION, new RuleCaptures(null, arg(0, "model"), null, null, null,
                    null, null, null, null, null, null, null, returned("ok"), null, null)));

    private <T> T request(Body<T> body) throws Exception {
        return loop.call(HANDLE, loop, new Object[0], body);
    }

    /** Validations of the standard generation rule, and all of them. */
    private long attributed() {
        return loop.totals(Dimension.model("gpt-4")).validations();
    }

    private long unattributed() {
        return loop.totals().validations() - loop.totals(Dimension.rule(GENERATE)).validations()
                - loop.totals(Dimension.rule(JUDGED)).validations();
    }

    @Test
    void aValidationBeforeTheGenerationIsAttributedToItAsItsFirst() throws Exception {
        request(() -> {
            loop.compile(Verdict.failed("E_SPEC"));
            return loop.generate(GPT, () -> {
                loop.compile(Verdict.passed());
                return CODE;
            });
        });

        TallyTotals generator = loop.totals(Dimension.rule(GENERATE));
        assertThat(generator.validations()).isEqualTo(2);
        assertThat(generator.validationFailures()).isEqualTo(1);
        assertThat(attributed()).isEqualTo(2);
        assertThat(unattributed()).isZero();
        assertThat(loop.totals(Dimension.rule(GENERATE)).errorTypes()).containsKey("E_SPEC");
    }

    @Test
    void aValidationAfterTheGenerationIsAttributedToIt() throws Exception {
        request(() -> {
            loop.generate(GPT, () -> CODE);
            return loop.compile(Verdict.failed("E_AFTER"));
        });

        assertThat(loop.totals(Dimension.rule(GENERATE)).validationFailures()).isEqualTo(1);
        assertThat(unattributed()).isZero();
    }

    @Test
    void withoutARequestRuleAValidationOutsideTheGenerationStaysUnattributed() throws Exception {
        GeneratorLoop plain = new GeneratorLoop();
        plain.compile(Verdict.failed("E_SPEC"));
        plain.generate(GPT, () -> CODE);
        plain.compile(Verdict.passed());

        assertThat(plain.totals(Dimension.rule(GENERATE)).validations()).isZero();
        assertThat(plain.totals().validations()).isEqualTo(2);
        assertThat(plain.requests).isNull();
    }

    @Test
    void nestedRequestCallsAndNestingDepthMakeOneRequest() throws Exception {
        loop.clock.advance(Duration.ZERO);
        request(() -> request(() -> {
            loop.generate(GPT, () -> CODE);
            loop.clock.advance(Duration.ofMillis(40));
            return request(() -> loop.generate(GPT, () -> {
                loop.compile(Verdict.passed());
                return CODE;
            }));
        }));

        RequestTotals requests = loop.requests;
        assertThat(requests.requests()).isEqualTo(1);
        assertThat(requests.generations()).isEqualTo(2);
        assertThat(requests.count(Outcome.SUCCEEDED)).isEqualTo(1);
        assertThat(requests.times().maxNanos()).isEqualTo(Duration.ofMillis(40).toNanos());
        assertThat(loop.totals(Dimension.rule(GENERATE)).generations()).isEqualTo(2);
    }

    @Test
    void aRetryOutsideTheGenerationIsAttributedToTheRequestsGeneration() throws Exception {
        request(() -> {
            loop.regenerate(() -> null);
            loop.generate(GPT, () -> CODE);
            return loop.regenerate(() -> null);
        });

        assertThat(loop.totals(Dimension.rule(GENERATE)).retryAttempts()).isEqualTo(2);
    }

    @Test
    void outcomesFollowTheCallAndItsGenerations() throws Exception {
        request(() -> loop.generate(GPT, () -> CODE));
        request(() -> loop.call(JUDGED, loop, new Object[] {GPT}, () -> new Outcome2(false)));
        assertThatThrownBy(() -> request(() -> {
            throw new IllegalStateException("down");
        })).isInstanceOf(IllegalStateException.class);
        request(() -> loop.compile(Verdict.passed()));

        RequestTotals requests = loop.requests;
        assertThat(requests.requests()).isEqualTo(4);
        assertThat(requests.count(Outcome.SUCCEEDED)).isEqualTo(2);
        assertThat(requests.count(Outcome.GENERATION_FAILED)).isEqualTo(1);
        assertThat(requests.count(Outcome.THREW)).isEqualTo(1);
        assertThat(requests.withoutGeneration()).isEqualTo(2);
        assertThat(unattributed()).as("a request without generation records what it held").isEqualTo(1);
    }

    @Test
    void heldValidationsAreBoundedPerThread() throws Exception {
        request(() -> {
            for (int i = 0; i < RequestTotals.MAX_HELD_VALIDATIONS + 2; i++) {
                loop.compile(Verdict.passed());
            }
            return loop.generate(GPT, () -> CODE);
        });

        assertThat(loop.totals(Dimension.rule(GENERATE)).validations()).isEqualTo(RequestTotals.MAX_HELD_VALIDATIONS);
        assertThat(unattributed()).isEqualTo(2);
        assertThat(loop.requests.heldValidationOverflows()).isEqualTo(2);
    }

    @Test
    void anAsyncGenerationStillPendingLeavesTheRequestSucceededAndTakesTheValidationsAfterIt() throws Exception {
        CompletableFuture<Code> pending = request(() -> {
            CompletableFuture<Code> future = loop.generate(GPT, CompletableFuture::new);
            loop.compile(Verdict.failed("E_AFTER"));
            return future;
        });
        pending.completeExceptionally(new IllegalStateException("late"));

        assertThat(loop.requests.count(Outcome.SUCCEEDED)).isEqualTo(1);
        TallyTotals generator = loop.totals(Dimension.rule(GENERATE));
        assertThat(generator.validationFailures()).isEqualTo(1);
        assertThat(generator.failures()).isEqualTo(1);
    }
}
