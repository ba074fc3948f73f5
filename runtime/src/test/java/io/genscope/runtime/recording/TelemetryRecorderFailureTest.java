package io.genscope.runtime.recording;

import io.genscope.runtime.Role;
import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.rule.RuleCaptures;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.store.TallyTotals;
import io.genscope.runtime.testing.GeneratorLoop;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.genscope.runtime.testing.CapturePaths.arg;
import static io.genscope.runtime.testing.CapturePaths.returned;
import static io.genscope.runtime.testing.GeneratorLoop.FIRST_EXTRA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.entry;

/**
 * A capture that cannot be read, or a failure inside the recorder, never reaches the application:
 * the field is left empty, the failure is counted and logged once, and the call is still counted
 * whenever it can be.
 */
class TelemetryRecorderFailureTest {

    private static final int FLAKY_GENERATE = FIRST_EXTRA;
    private static final int FLAKY_VALIDATE = FIRST_EXTRA + 1;

    /** Generation arguments whose accessors misbehave in the ways an application's classes can. */
    public static final class Prompt {
        public String getModel() {
            throw new IllegalStateException("model not configured");
        }

        public String getBroken() {
            throw new BrokenAccessorError();
        }

        public Object getUnprintable() {
            return new Object() {
                @Override
                public String toString() {
                    throw new UnsupportedOperationException("no text form");
                }
            };
        }

        public Object getShapeless() {
            return new Object();
        }
    }

    /** An {@link Error} subclass, the kind of throwable a recorder must not let through either. */
    static final class BrokenAccessorError extends Error {
        BrokenAccessorError() {
            super("accessor is broken");
        }
    }

    private static RuleDefinition generationCapturingModel(PropertyPath model) {
        return new RuleDefinition("flaky-generate", Role.GENERATION,
                new RuleCaptures(null, model, null, null, null, null, null, null, null, null, null));
    }

    private static RuleDefinition generationCapturingPromptLength(PropertyPath promptLength) {
        return new RuleDefinition("flaky-generate", Role.GENERATION,
                new RuleCaptures(null, null, null, promptLength, null, null, null, null, null, null, null));
    }

    private static RuleDefinition validationWith(PropertyPath ok, PropertyPath errors) {
        return new RuleDefinition("flaky-validate", Role.VALIDATION,
                new RuleCaptures(null, null, null, null, null, null, ok, errors, null, null, null));
    }

    private static void generateOnce(GeneratorLoop loop) throws Exception {
        loop.call(FLAKY_GENERATE, null, new Object[] {new Prompt()}, () -> "code");
    }

    private static RuleDiagnostics flakyRule(GeneratorLoop loop) {
        return loop.rules.get(FLAKY_GENERATE);
    }

    @Test
    void throwingGetterLeavesTheFieldEmptyAndIsCountedEveryTimeButLoggedOnce() throws Exception {
        GeneratorLoop loop = new GeneratorLoop(generationCapturingModel(arg(0, "model")));

        for (int i = 0; i < 3; i++) {
            generateOnce(loop);
        }

        assertThat(loop.totals().successes()).isEqualTo(3);
        assertThat(loop.totals(Dimension.model("(unknown)")).generations()).isEqualTo(3);
        assertThat(loop.store.events(1).get(0).model()).isNull();
        assertThat(flakyRule(loop).captureFailures()).isEqualTo(3);
        assertThat(flakyRule(loop).lastCaptureFailure())
                .contains("model").contains("java.lang.IllegalStateException").doesNotContain("model not configured");
        assertThat(loop.log.warnings()).singleElement().asString()
                .contains("flaky-generate").contains("model").contains("args[0].model");
        assertThat(loop.log.errors()).isEmpty();
    }

    @Test
    void unresolvableMemberIsACaptureFailureNamingTheMember() throws Exception {
        GeneratorLoop loop = new GeneratorLoop(generationCapturingModel(arg(0, "modelName")));

        generateOnce(loop);

        assertThat(loop.totals().successes()).isEqualTo(1);
        assertThat(flakyRule(loop).lastCaptureFailure()).contains("CaptureException").contains("modelName");
    }

    @Test
    void getterThrowingAnErrorSubclassIsSwallowedAsACaptureFailure() throws Exception {
        GeneratorLoop loop = new GeneratorLoop(generationCapturingModel(arg(0, "broken")));

        assertThatCode(() -> generateOnce(loop)).doesNotThrowAnyException();

        assertThat(loop.totals().generations()).isEqualTo(1);
        assertThat(loop.totals().successes()).isEqualTo(1);
        assertThat(flakyRule(loop).lastCaptureFailure()).contains("BrokenAccessorError");
    }

    @Test
    void valueOfTheWrongShapeIsACaptureFailureAndLeavesTheLengthAbsent() throws Exception {
        GeneratorLoop loop = new GeneratorLoop(generationCapturingPromptLength(arg(0, "shapeless")));

        generateOnce(loop);

        assertThat(loop.totals().generations()).isEqualTo(1);
        assertThat(loop.totals().promptLengths()).isZero();
        assertThat(flakyRule(loop).captureFailures()).isEqualTo(1);
    }

    @Test
    void nonBooleanOkCaptureIsAFailureAndTheOutcomeFallsBackToTheErrors() throws Exception {
        GeneratorLoop loop = new GeneratorLoop(generationCapturingModel(null),
                validationWith(returned("size"), returned()));

        loop.call(FLAKY_VALIDATE, null, null, () -> List.of("E1"));

        assertThat(loop.totals().validationFailures()).isEqualTo(1);
        assertThat(loop.totals().errorTypes()).containsOnly(entry("E1", 1L));
        assertThat(loop.rules.get(FLAKY_VALIDATE).captureFailures()).isEqualTo(1);
    }

    @Test
    void capturedValueWhoseTextFormThrowsIsACaptureFailureAndTheGenerationIsStillCounted() throws Exception {
        GeneratorLoop loop = new GeneratorLoop(generationCapturingModel(arg(0, "unprintable")));

        generateOnce(loop);

        TallyTotals totals = loop.totals();
        assertThat(totals.generations()).isEqualTo(totals.completed()).isEqualTo(1);
        assertThat(flakyRule(loop).captureFailures()).isEqualTo(1);
        assertThat(loop.log.errors()).isEmpty();
    }

    @Test
    void nullErrorElementDoesNotBreakTheRecordOfTheValidation() throws Exception {
        GeneratorLoop loop = new GeneratorLoop(generationCapturingModel(null), validationWith(null, returned()));

        loop.call(FLAKY_GENERATE, null, null, () -> loop.call(FLAKY_VALIDATE, null, null,
                () -> Arrays.asList(null, "E1")));

        assertThat(loop.totals(Dimension.rule(FLAKY_GENERATE)).validations()).isEqualTo(1);
        assertThat(loop.totals().errorTypes()).containsKey("E1");
        assertThat(loop.log.errors()).isEmpty();
    }

    @Test
    void generationCalledWithoutArgumentsReadsItsArgumentCapturesAsAbsentWithoutFailure() throws Exception {
        GeneratorLoop loop = new GeneratorLoop();

        loop.call(GeneratorLoop.GENERATE, null, null, () -> null);

        assertThat(loop.totals().successes()).isEqualTo(1);
        assertThat(loop.totals().promptLengths()).isZero();
        assertThat(loop.rules.get(GeneratorLoop.GENERATE).captureFailures()).isZero();
        assertThat(loop.log.warnings()).isEmpty();
    }

    @Test
    void aRuleTheAdviceCannotServeFailsInsideTheRecorderOnly() {
        GeneratorLoop loop = new GeneratorLoop();
        RuleCaptures fourArguments = new RuleCaptures(arg(0), arg(1), arg(2), arg(3), null, null, null, null, null,
                null, null);
        TelemetryRecorder recorder = new TelemetryRecorder(List.of(new RuleDiagnostics(
                new RuleDefinition("too-wide", Role.GENERATION, fourArguments))), loop.store, loop.log);

        assertThatCode(() -> {
            long token = recorder.enterWithSlots(0, null, "a", "b", "c");
            recorder.exitWithSlots(0, token, null, "a", "b", "c", "code", null);
        }).doesNotThrowAnyException();

        assertThat(loop.log.errors()).hasSize(2);
        assertThat(loop.totals().generations()).isZero();
    }

    @Test
    void unknownRuleIndexIsReportedAndTheCallGoesOn() {
        GeneratorLoop loop = new GeneratorLoop();

        assertThatCode(() -> {
            long token = loop.recorder.enter(99, null, null);
            loop.recorder.exit(99, token, null, null, null, null);
        }).doesNotThrowAnyException();

        assertThat(loop.totals().generations()).isZero();
        assertThat(loop.log.errors()).hasSize(2).allSatisfy(line -> assertThat(line).contains("#99"));
    }

    @Test
    void failingNextCallTaskDoesNotReachTheCaller() {
        GeneratorLoop loop = new GeneratorLoop();
        TelemetryRecorder recorder = new TelemetryRecorder(loop.rules, loop.store, loop.log);
        recorder.runAtNextCall(() -> {
            throw new IllegalStateException("MBean server unavailable");
        });

        assertThatCode(() -> {
            long token = recorder.enter(GeneratorLoop.GENERATE, null, null);
            recorder.exit(GeneratorLoop.GENERATE, token, null, null, null, null);
        }).doesNotThrowAnyException();

        assertThat(loop.log.errors()).singleElement().asString().contains("java.lang.IllegalStateException")
                .doesNotContain("MBean server unavailable");
    }
}
