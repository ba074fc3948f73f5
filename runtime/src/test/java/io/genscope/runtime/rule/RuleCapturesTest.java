package io.genscope.runtime.rule;

import org.junit.jupiter.api.Test;

import static io.genscope.runtime.testing.CapturePaths.arg;
import static io.genscope.runtime.testing.CapturePaths.returned;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule's captures less those that cannot work on a method: each call capture has its own bit,
 * and dropping one keeps every other, whichever part of the record it lives in.
 */
class RuleCapturesTest {

    private final RuleCaptures all = new RuleCaptures(arg(0, "project"), arg(0, "model"), null, arg(0, "prompt"),
            returned("text"), null, null, null, null, null, null, null, returned("ok"), returned("code"),
            new RuleCaptures.BreakdownCaptures(arg(0, "variant"), arg(0, "user"), arg(0, "category")));

    @Test
    void droppingACaptureKeepsTheSuccessPairAndTheBreakdowns() {
        RuleCaptures withoutModel = all.without(RuleCaptures.bit("capture.model"));

        assertThat(withoutModel.model()).isNull();
        assertThat(withoutModel.projectId()).isSameAs(all.projectId());
        assertThat(withoutModel.successWhen()).isSameAs(all.successWhen());
        assertThat(withoutModel.failureType()).isSameAs(all.failureType());
        assertThat(withoutModel.breakdowns()).isEqualTo(all.breakdowns());
    }

    @Test
    void eachBreakdownAndSuccessWhenHasABitOfItsOwn() {
        RuleCaptures withoutUser = all.without(RuleCaptures.bit("capture.user-id"));
        RuleCaptures withoutSuccess = all.without(RuleCaptures.bit("success-when"));

        assertThat(withoutUser.breakdowns().userId()).isNull();
        assertThat(withoutUser.breakdowns().variant()).isSameAs(all.breakdowns().variant());
        assertThat(withoutUser.breakdowns().promptCategory()).isSameAs(all.breakdowns().promptCategory());
        assertThat(withoutSuccess.successWhen()).as("success-when dropped").isNull();
        assertThat(withoutSuccess.failureType()).as("failure-type goes with it").isNull();
        assertThat(withoutSuccess.breakdowns()).isEqualTo(all.breakdowns());
        assertThat(all.callPaths()).containsKeys("capture.variant", "capture.user-id", "capture.prompt-category",
                "success-when", "failure-type");
    }
}
