package io.genscope.runtime.recording;

import io.genscope.runtime.rule.RuleCaptures;
import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.genscope.runtime.testing.GeneratorLoop.COMPILE;
import static io.genscope.runtime.testing.GeneratorLoop.FIRST_EXTRA;
import static io.genscope.runtime.testing.GeneratorLoop.GENERATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rule's variants: the indexes the agent weaves into methods some of a rule's captures cannot
 * work on. A variant reads less, and counts exactly as its rule.
 */
class RuleVariantTest {

    private static final int MODEL = RuleCaptures.bit("capture.model");
    private static final int ERRORS = RuleCaptures.bit("capture.errors.each");

    private final GeneratorLoop loop = new GeneratorLoop();

    @Test
    void aVariantIsMadeOncePerRuleAndDroppedCapturesAfterTheConfigRules() {
        int withoutModel = loop.recorder.variant(GENERATE, MODEL);

        assertThat(withoutModel).isEqualTo(FIRST_EXTRA);
        assertThat(loop.recorder.variant(GENERATE, MODEL)).isEqualTo(withoutModel);
        assertThat(loop.recorder.variant(GENERATE, MODEL | RuleCaptures.bit("capture.function-name")))
                .isEqualTo(withoutModel + 1);
        assertThat(loop.recorder.variant(COMPILE, MODEL)).as("compile has no model to drop").isEqualTo(COMPILE);
        assertThat(loop.recorder.variant(GENERATE, 0)).isEqualTo(GENERATE);
        assertThatThrownBy(() -> loop.recorder.variant(withoutModel, ERRORS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCallThroughAVariantCountsUnderItsRuleWithoutTheDroppedCaptureOnly() throws Exception {
        int withoutModel = loop.recorder.variant(GENERATE, MODEL);

        loop.call(withoutModel, loop, new Object[] {Request.of("gpt-4")}, () -> Code.of("class A {}"));
        loop.generate(Request.of("gpt-4"), () -> Code.of("class B {}"));

        assertThat(loop.totals(Dimension.rule(GENERATE)).generations()).isEqualTo(2);
        assertThat(loop.totals(Dimension.rule(GENERATE)).promptLengths()).isEqualTo(2);
        assertThat(loop.totals(Dimension.model("gpt-4")).generations()).isEqualTo(1);
        assertThat(loop.rules.get(GENERATE).calls()).isEqualTo(2);
        assertThat(loop.store.events(10)).extracting(event -> event.rule()).containsOnly("generate");
    }

    @Test
    void aValidationVariantWithoutErrorsOrOkFailsOnlyWhenItThrows() throws Exception {
        int withoutErrors = loop.recorder.variant(COMPILE, ERRORS);

        loop.call(withoutErrors, loop, new Object[] {"class A {}"}, () -> Verdict.failed("E1"));
        assertThatThrownBy(() -> loop.call(withoutErrors, loop, new Object[] {"class A {}"}, () -> {
            throw new IllegalStateException("no compiler");
        })).isInstanceOf(IllegalStateException.class);
        loop.compile(Verdict.failed("E2"));

        assertThat(loop.totals().validations()).isEqualTo(3);
        assertThat(loop.totals().validationFailures()).isEqualTo(2);
        assertThat(loop.totals().errorTypes()).containsOnlyKeys("E2", IllegalStateException.class.getName());
        assertThat(List.of(loop.rules.get(COMPILE).captureFailures(), loop.rules.get(COMPILE).internalErrors()))
                .containsOnly(0L);
    }
}
