package io.genscope.runtime.recording;

import io.genscope.runtime.capture.CapturedValues;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.privacy.ErrorMessages;
import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.store.ErrorInfo;
import io.genscope.runtime.store.EventType;
import io.genscope.runtime.store.TallyTotals;
import io.genscope.runtime.store.TelemetryEvent;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import io.genscope.runtime.testing.TestSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.genscope.runtime.testing.GeneratorLoop.GENERATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/** The counting semantics of DESIGN.md, driven through enter/exit as the inlined advice calls them. */
class TelemetryRecorderTest {

    private static final Request REQUEST = new Request("gpt-4", "shop", "createOrder", "twelve chars");
    private static final Code CODE = Code.of("class Order {}");

    private final GeneratorLoop loop = new GeneratorLoop();

    /** Events oldest first. */
    private List<TelemetryEvent> events() {
        List<TelemetryEvent> events = new ArrayList<>(loop.store.events(1000));
        Collections.reverse(events);
        return events;
    }

    @Test
    void firstTrySuccessIsOneGenerationWithoutRetry() throws Exception {
        loop.generate(REQUEST, () -> {
            loop.compile(Verdict.passed());
            return CODE;
        });

        TallyTotals totals = loop.totals();
        assertThat(totals.generations()).isEqualTo(1);
        assertThat(totals.successes()).isEqualTo(1);
        assertThat(totals.failures()).isZero();
        assertThat(totals.retryAttempts()).isZero();
        assertThat(totals.retriedGenerations()).isZero();
        assertThat(totals.validations()).isEqualTo(1);
        assertThat(totals.validationFailures()).isZero();
        assertThat(totals.promptLengthSum()).isEqualTo(REQUEST.prompt().length());
        assertThat(totals.codeLengthSum()).isEqualTo(CODE.text().length());
    }

    @Test
    void generationEventsCarryTheCapturedMetadata() throws Exception {
        loop.generate(REQUEST, () -> CODE);

        assertThat(events()).extracting(TelemetryEvent::type, TelemetryEvent::rule, TelemetryEvent::model,
                        TelemetryEvent::projectId, TelemetryEvent::functionName, TelemetryEvent::promptLength,
                        TelemetryEvent::codeLength)
                .containsExactly(
                        tuple(EventType.GENERATION_ATTEMPT, "generate", "gpt-4", "shop", "createOrder", 12, -1),
                        tuple(EventType.GENERATION_SUCCESS, "generate", "gpt-4", "shop", "createOrder", 12, 14));
    }

    @Test
    void nestedCallOfTheGenerationMethodIsARetryNotANewGeneration() throws Exception {
        loop.generate(REQUEST, () -> {
            loop.compile(Verdict.failed("E1"));
            return loop.generate(REQUEST, () -> {
                loop.compile(Verdict.passed());
                return CODE;
            });
        });

        TallyTotals totals = loop.totals();
        assertThat(totals.generations()).isEqualTo(1);
        assertThat(totals.completed()).isEqualTo(1);
        assertThat(totals.retryAttempts()).isEqualTo(1);
        assertThat(totals.retriesOfCompleted()).isEqualTo(1);
        assertThat(totals.retriedGenerations()).isEqualTo(1);
        assertThat(totals.retriedSuccesses()).isEqualTo(1);
        assertThat(totals.validations()).isEqualTo(2);
        assertThat(totals.validationFailures()).isEqualTo(1);
        assertThat(events()).extracting(TelemetryEvent::type).containsExactly(EventType.GENERATION_ATTEMPT,
                EventType.VALIDATION_FAILURE, EventType.RETRY_ATTEMPT, EventType.GENERATION_SUCCESS);
    }

    @Test
    void callOfARetryMethodInsideAGenerationIsARetryOfIt() throws Exception {
        loop.generate(REQUEST, () -> {
            loop.compile(Verdict.failed("E1"));
            loop.regenerate(() -> loop.compile(Verdict.failed("E2")));
            return loop.regenerate(() -> CODE);
        });

        TallyTotals totals = loop.totals();
        TallyTotals rule = loop.totals(Dimension.rule(GENERATE));
        assertThat(totals.generations()).isEqualTo(1);
        assertThat(totals.retryAttempts()).isEqualTo(2);
        assertThat(totals.retriesOfCompleted()).isEqualTo(2);
        assertThat(totals.retriedGenerations()).isEqualTo(1);
        assertThat(rule.retryAttempts()).isEqualTo(2);
        assertThat(events()).filteredOn(e -> e.type() == EventType.GENERATION_SUCCESS)
                .extracting(TelemetryEvent::retryCount).containsExactly(2);
    }

    @Test
    void nestedCallOfAnotherGenerationRuleIsARetryOfTheOuterGeneration() throws Exception {
        loop.generate(REQUEST, () -> loop.generateDeclared(REQUEST, () -> Code.of("x", "org.nested")));

        assertThat(loop.totals(Dimension.rule(GENERATE)).generations()).isEqualTo(1);
        assertThat(loop.totals(Dimension.rule(GENERATE)).retryAttempts()).isEqualTo(1);
        assertThat(loop.totals(Dimension.rule(GeneratorLoop.GENERATE_DECLARED)).generations()).isZero();
        assertThat(loop.totals().dependencies()).isEmpty();
    }

    @Test
    void nestedGenerationThatThrowsIsOnlyARetryAndTheOuterOutcomeCounts() throws Exception {
        loop.generate(REQUEST, () -> {
            try {
                loop.generate(REQUEST, () -> {
                    throw new IOException("first attempt timed out");
                });
            } catch (IOException expected) {
                // the generator retries on its own
            }
            return CODE;
        });

        TallyTotals totals = loop.totals();
        assertThat(totals.completed()).isEqualTo(1);
        assertThat(totals.successes()).isEqualTo(1);
        assertThat(totals.failureTypes()).isEmpty();
        assertThat(totals.retriedSuccesses()).isEqualTo(1);
    }

    @Test
    void retriedGenerationThatFailsCountsAsRetriedButNotAsRetriedSuccess() throws Exception {
        assertThatThrownBy(() -> loop.generate(REQUEST, () -> loop.regenerate(() -> {
            throw new IOException("model unavailable");
        }))).isInstanceOf(IOException.class);

        TallyTotals totals = loop.totals();
        assertThat(totals.retriedGenerations()).isEqualTo(1);
        assertThat(totals.retriedSuccesses()).isZero();
        assertThat(totals.failures()).isEqualTo(1);
    }

    @Test
    void retryOutsideAnyGenerationIsCountedButAttributedToNoGenerator() throws Exception {
        loop.regenerate(() -> CODE);

        assertThat(loop.totals().retryAttempts()).isEqualTo(1);
        assertThat(loop.totals().generations()).isZero();
        assertThat(loop.totals(Dimension.rule(GENERATE)).retryAttempts()).isZero();
    }

    @Test
    void validationsAreNumberedByTheirOrderInTheGeneration() throws Exception {
        loop.generate(REQUEST, () -> {
            loop.compile(Verdict.failed("E1"));
            loop.lint(false, "W1");
            loop.compile(Verdict.passed());
            return CODE;
        });
        loop.generate(REQUEST, () -> {
            loop.compile(Verdict.failed("E2"));
            return CODE;
        });

        assertThat(events()).extracting(TelemetryEvent::type, TelemetryEvent::rule, TelemetryEvent::attempt)
                .containsExactly(
                        tuple(EventType.GENERATION_ATTEMPT, "generate", 0),
                        tuple(EventType.VALIDATION_FAILURE, "compile", 1),
                        tuple(EventType.VALIDATION_FAILURE, "lint", 2),
                        tuple(EventType.GENERATION_SUCCESS, "generate", 3),
                        tuple(EventType.GENERATION_ATTEMPT, "generate", 0),
                        tuple(EventType.VALIDATION_FAILURE, "compile", 1),
                        tuple(EventType.GENERATION_SUCCESS, "generate", 1));
    }

    @Test
    void validationThatThrowsIsAFailureWithTheExceptionClassAsErrorType() throws Exception {
        loop.generate(REQUEST, () -> {
            try {
                loop.compileThrowing(new IllegalArgumentException("unbalanced braces\n at line 3"));
            } catch (IllegalArgumentException expected) {
                // the generator handles its validator's exception
            }
            return CODE;
        });

        TallyTotals totals = loop.totals();
        assertThat(totals.validations()).isEqualTo(1);
        assertThat(totals.validationFailures()).isEqualTo(1);
        assertThat(totals.errorTypes()).containsOnly(entry("java.lang.IllegalArgumentException", 1L));
        assertThat(events()).filteredOn(e -> e.type() == EventType.VALIDATION_FAILURE)
                .flatExtracting(TelemetryEvent::errors)
                .containsExactly(new ErrorInfo("java.lang.IllegalArgumentException", null));
    }

    @Test
    void aThrowingValidationsMessageIsKeptOnlyWhenErrorMessagesAskForIt() throws Exception {
        GeneratorLoop full = new GeneratorLoop(TestSettings.defaults().errorMessages(ErrorMessages.FULL).build());
        try {
            full.compileThrowing(new IllegalArgumentException("unbalanced braces\n at line 3"));
        } catch (IllegalArgumentException expected) {
            // the generator handles its validator's exception
        }

        assertThat(full.store.events(1).get(0).errors())
                .containsExactly(new ErrorInfo("java.lang.IllegalArgumentException", "unbalanced braces"));
    }

    @Test
    void generationThatThrowsIsAFailureWithTheExceptionClassName() {
        assertThatThrownBy(() -> loop.generate(REQUEST, () -> {
            throw new IOException("quota exceeded for key sk-123");
        })).isInstanceOf(IOException.class);

        TallyTotals totals = loop.totals();
        assertThat(totals.failures()).isEqualTo(1);
        assertThat(totals.successes()).isZero();
        assertThat(totals.failureTypes()).containsOnly(entry("java.io.IOException", 1L));
        assertThat(totals.codeLengths()).isZero();
        TelemetryEvent failure = loop.store.events(1).get(0);
        assertThat(failure.type()).isEqualTo(EventType.GENERATION_FAILURE);
        assertThat(failure.failureType()).isEqualTo("java.io.IOException");
        assertThat(failure.toString()).doesNotContain("quota");
    }

    @Test
    void aFailureTypeIsCutLikeAnyName() {
        assertThatThrownBy(() -> loop.generate(REQUEST, () -> {
            throw new AnExceptionOfAGeneratorWhoseClassNameIsLongerThanAnyNameGenscopeKeepsSoThatItsNameIsCutLikeEveryOtherNameCapturedFromTheHostAndTheStoreFootprintCanCountEachFailureTypeAtThatCap();
        })).isInstanceOf(AnExceptionOfAGeneratorWhoseClassNameIsLongerThanAnyNameGenscopeKeepsSoThatItsNameIsCutLikeEveryOtherNameCapturedFromTheHostAndTheStoreFootprintCanCountEachFailureTypeAtThatCap.class);

        String cut = AnExceptionOfAGeneratorWhoseClassNameIsLongerThanAnyNameGenscopeKeepsSoThatItsNameIsCutLikeEveryOtherNameCapturedFromTheHostAndTheStoreFootprintCanCountEachFailureTypeAtThatCap.class.getName().substring(0, CapturedValues.MAX_NAME_LENGTH);
        assertThat(loop.totals().failureTypes()).containsOnly(entry(cut, 1L));
        assertThat(loop.store.events(1).get(0).failureType()).isEqualTo(cut);
    }

    /** Thrown by a generator: its name is longer than {@link CapturedValues#MAX_NAME_LENGTH}. */
    private static final class AnExceptionOfAGeneratorWhoseClassNameIsLongerThanAnyNameGenscopeKeepsSoThatItsNameIsCutLikeEveryOtherNameCapturedFromTheHostAndTheStoreFootprintCanCountEachFailureTypeAtThatCap extends RuntimeException {
    }

    @Test
    void withoutAnOkCaptureAValidationPassesExactlyWhenItReportsNoErrors() throws Exception {
        loop.compile(Verdict.failed("E1", "E2"));
        loop.compile(Verdict.passed());

        TallyTotals totals = loop.totals();
        assertThat(totals.validations()).isEqualTo(2);
        assertThat(totals.validationFailures()).isEqualTo(1);
        assertThat(totals.errorTypes()).containsOnly(entry("E1", 1L), entry("E2", 1L));
    }

    @Test
    void okCaptureDecidesTheOutcomeWhatEverTheErrors() throws Exception {
        loop.lint(false);
        loop.lint(true, "W1", "W2");

        TallyTotals totals = loop.totals();
        assertThat(totals.validations()).isEqualTo(2);
        assertThat(totals.validationFailures()).isEqualTo(1);
    }

    @Test
    void errorsOfAPassingValidationAreNotCounted() throws Exception {
        loop.lint(true, "W1", "W2");
        loop.lint(false, "W3");

        assertThat(loop.totals().errorTypes()).containsOnly(entry("W3", 1L));
    }

    @Test
    void errorMessagesOfFailedValidationsAreKeptWithTheirTypeWhenErrorMessagesAskForIt() throws Exception {
        GeneratorLoop full = new GeneratorLoop(TestSettings.defaults().errorMessages(ErrorMessages.FULL).build());
        full.compile(Verdict.failed("E1"));
        loop.compile(Verdict.failed("E1"));

        assertThat(full.store.events(1).get(0).errors()).containsExactly(new ErrorInfo("E1", "E1 at line 1"));
        assertThat(loop.store.events(1).get(0).errors()).containsExactly(new ErrorInfo("E1", null));
    }

    @Test
    void dependenciesComeFromTheGenerationCaptureWhenTheRuleHasOne() throws Exception {
        loop.generateDeclared(REQUEST, () -> {
            loop.compile(Verdict.passed("detected.by.Compiler"));
            return Code.of("class A {}", "declared.Dependency");
        });

        assertThat(loop.totals().dependencies()).containsOnly(entry("declared.Dependency", 1L));
    }

    @Test
    void dependenciesComeFromTheLastValidationThatDetectedSomeOtherwise() throws Exception {
        loop.generate(REQUEST, () -> {
            loop.compile(Verdict.passed("first.Try"));
            loop.compile(Verdict.passed("second.Try", "org.junit"));
            loop.compile(Verdict.passed());
            return CODE;
        });

        assertThat(loop.totals().dependencies()).containsOnly(entry("second.Try", 1L), entry("org.junit", 1L));
        assertThat(loop.store.events(1).get(0).dependencies()).containsExactly("second.Try", "org.junit");
    }

    @Test
    void failedGenerationCountsNoDependencies() {
        assertThatThrownBy(() -> loop.generate(REQUEST, () -> {
            loop.compile(Verdict.passed("org.junit"));
            throw new IllegalStateException("gave up");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(loop.totals().dependencies()).isEmpty();
    }

    @Test
    void validationOutsideAnyGenerationIsCountedOverallButNotForAGenerator() throws Exception {
        loop.compile(Verdict.failed("E1"));

        assertThat(loop.totals().validations()).isEqualTo(1);
        assertThat(loop.totals(Dimension.rule(GENERATE)).validations()).isZero();
        assertThat(loop.store.events(1).get(0).attempt()).isZero();
    }

    @Test
    void generationAndValidationTimesRunFromEnterToExit() throws Exception {
        loop.generate(REQUEST, () -> {
            loop.clock.advance(Duration.ofMillis(40));
            loop.call(GeneratorLoop.COMPILE, null, null, () -> {
                loop.clock.advance(Duration.ofMillis(25));
                return Verdict.failed("E1");
            });
            loop.clock.advance(Duration.ofMillis(35));
            return CODE;
        });

        assertThat(loop.totals().generationTime().maxNanos()).isEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(events()).extracting(TelemetryEvent::type, TelemetryEvent::durationNanos).containsExactly(
                tuple(EventType.GENERATION_ATTEMPT, 0L),
                tuple(EventType.VALIDATION_FAILURE, Duration.ofMillis(25).toNanos()),
                tuple(EventType.GENERATION_SUCCESS, Duration.ofMillis(100).toNanos()));
    }

    @Test
    void figuresAreKeptPerGeneratorRuleAndPerModel() throws Exception {
        loop.generate(Request.of("gpt-4"), () -> CODE);
        loop.generate(Request.of("claude"), () -> CODE);
        loop.generateDeclared(Request.of("gpt-4"), () -> CODE);
        loop.generate(Request.of(null), () -> CODE);

        assertThat(loop.totals(Dimension.rule(GENERATE)).generations()).isEqualTo(3);
        assertThat(loop.totals(Dimension.rule(GeneratorLoop.GENERATE_DECLARED)).generations()).isEqualTo(1);
        assertThat(loop.totals(Dimension.model("gpt-4")).generations()).isEqualTo(2);
        assertThat(loop.totals(Dimension.model("claude")).generations()).isEqualTo(1);
        assertThat(loop.totals(Dimension.model("(unknown)")).generations()).isEqualTo(1);
        assertThat(loop.modelsAnnounced).containsExactlyInAnyOrder("gpt-4", "claude", "(unknown)");
    }

    @Test
    void exitWithoutAMatchingEnterIsIgnored() throws Exception {
        // the agent attached while an outer generation call was already running: only its exit is seen
        loop.recorder.exit(GENERATE, 0L, null, new Object[] {REQUEST}, CODE, null);

        assertThat(loop.totals().completed()).isZero();

        loop.generate(REQUEST, () -> loop.generate(REQUEST, () -> CODE));
        assertThat(loop.totals().generations()).isEqualTo(1);
        assertThat(loop.totals().completed()).isEqualTo(1);
        assertThat(loop.totals().retryAttempts()).isEqualTo(1);
    }

    @Test
    void everyInterceptedCallIsCountedForItsRule() throws Exception {
        loop.generate(REQUEST, () -> {
            loop.compile(Verdict.passed());
            loop.compile(Verdict.passed());
            return loop.regenerate(() -> CODE);
        });

        assertThat(loop.rules).extracting(RuleDiagnostics::calls).containsExactly(1L, 2L, 1L, 0L, 0L);
    }

    @Test
    void nextCallTaskRunsOnceOnTheNextCallOnly() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        loop.recorder.runAtNextCall(runs::incrementAndGet);
        loop.generate(REQUEST, () -> {
            loop.compile(Verdict.passed());
            return CODE;
        });
        loop.regenerate(() -> CODE);

        assertThat(runs).hasValue(1);
    }
}
