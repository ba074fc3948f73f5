package io.genscope.runtime.recording;

import io.genscope.runtime.Role;
import io.genscope.runtime.capture.ArgumentSlots;
import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.rule.RuleCaptures;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.store.TallyTotals;
import io.genscope.runtime.store.TelemetrySettings;
import io.genscope.runtime.store.TelemetryStore;
import io.genscope.runtime.testing.CollectingLog;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.genscope.runtime.testing.CapturePaths.arg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The advice hands over only the arguments a rule reads, one per slot, in ascending position
 * order; the recorder puts each back at its position before the captures read it.
 */
class ArgumentSlotsTest {

    private static RuleCaptures reading(PropertyPath projectId,
                                        PropertyPath promptLength,
                                        PropertyPath functionName) {
        return new RuleCaptures(projectId, null, functionName, promptLength, null, null, null, null, null, null, null);
    }

    @Test
    void slotsAreTheDistinctArgumentPositionsReadInAscendingOrder() {
        assertThat(ArgumentSlots.positions(reading(arg(4), arg(1, "length"), arg(4, "id")))).containsExactly(1, 4);
        assertThat(ArgumentSlots.positions(RuleCaptures.none())).isEmpty();
    }

    @Test
    void moreThanThreeDistinctArgumentsAreRefused() {
        RuleCaptures four = new RuleCaptures(arg(0), arg(1), arg(2), arg(3), null, null, null, null, null, null, null);
        assertThatThrownBy(() -> ArgumentSlots.positions(four)).hasMessageContaining("at most 3");
    }

    @Test
    void eachSlotIsReadAtItsArgumentPosition() {
        RuleDefinition rule = new RuleDefinition("generate", Role.GENERATION,
                reading(arg(2), arg(0, "length"), arg(2)));
        TelemetryStore store = new TelemetryStore(TelemetrySettings.defaults(), 1, new ManualClock(), model -> { });
        TelemetryRecorder recorder = new TelemetryRecorder(List.of(new RuleDiagnostics(rule)), store,
                new CollectingLog());

        long token = recorder.enterWithSlots(0, null, "prompt!", "billing", null);
        recorder.exitWithSlots(0, token, null, "prompt!", "billing", null, "code", null);

        TallyTotals totals = store.totals(Duration.ofHours(1), Dimension.all());
        assertThat(totals.promptLengths()).isEqualTo(1);
        assertThat(totals.promptLengthSum()).isEqualTo("prompt!".length());
        assertThat(store.events(1).get(0).projectId()).isEqualTo("billing");
    }
}
