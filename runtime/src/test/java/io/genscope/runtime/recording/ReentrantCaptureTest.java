package io.genscope.runtime.recording;

import io.genscope.runtime.Role;
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

import static io.genscope.runtime.testing.CapturePaths.returned;
import static io.genscope.runtime.testing.CapturePaths.self;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A capture's getter may itself call an instrumented method (a model name looked up through
 * another generator, say). That inner call is not part of the generator's loop: it is ignored,
 * and the record being filled is left intact.
 */
class ReentrantCaptureTest {

    private final TelemetryStore store = new TelemetryStore(TelemetrySettings.defaults(), 2, new ManualClock(),
            model -> { });
    private TelemetryRecorder recorder;

    /** A generator whose model getter runs another instrumented generation (rule 1). */
    public final class Generator {
        public String getModel() {
            long token = recorder.enterWithSlots(1, this, null, null, null);
            recorder.exitWithSlots(1, token, this, null, null, null, "inner", null);
            return "outer-model";
        }

        public String getCode() {
            long token = recorder.enterWithSlots(1, this, null, null, null);
            recorder.exitWithSlots(1, token, this, null, null, null, "inner", new IllegalStateException());
            return "code";
        }
    }

    @Test
    void anInstrumentedCallMadeByACaptureIsIgnoredAndTheOuterRecordStaysIntact() {
        RuleCaptures outer = new RuleCaptures(null, self("model"), null, null, codeLength(), null, null, null, null,
                null, null);
        recorder = new TelemetryRecorder(List.of(
                new RuleDiagnostics(new RuleDefinition("outer", Role.GENERATION, outer)),
                new RuleDiagnostics(new RuleDefinition("inner", Role.GENERATION, RuleCaptures.none()))),
                store, new CollectingLog());
        Generator generator = new Generator();

        long token = recorder.enterWithSlots(0, generator, null, null, null);
        recorder.exitWithSlots(0, token, generator, null, null, null, generator, null);

        TallyTotals all = store.totals(Duration.ofHours(1), Dimension.all());
        assertThat(all.generations()).isEqualTo(1);
        assertThat(all.successes()).isEqualTo(1);
        assertThat(all.retryAttempts()).isZero();
        assertThat(store.totals(Duration.ofHours(1), Dimension.rule(0)).codeLengths()).isEqualTo(1);
        assertThat(store.totals(Duration.ofHours(1), Dimension.rule(1)).generations()).isZero();
        assertThat(store.models(Duration.ofHours(1))).containsExactly("outer-model");
    }

    private static PropertyPath codeLength() {
        return returned("code", "length");
    }
}
