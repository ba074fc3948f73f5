package io.genscope.runtime.store;

import io.genscope.runtime.privacy.ErrorMessages;
import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static io.genscope.runtime.testing.Records.failedValidation;
import static io.genscope.runtime.testing.Records.failure;
import static io.genscope.runtime.testing.Records.generation;
import static io.genscope.runtime.testing.Records.record;
import static io.genscope.runtime.testing.Records.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The raw-event ring: bounded, newest first, within the retention, metadata only. */
class TelemetryStoreEventsTest {

    private final ManualClock clock = new ManualClock();

    private TelemetryStore storeKeeping(int events) {
        return new TelemetryStore(TestSettings.defaults().eventRingSize(events).build(), 1, clock, model -> { });
    }

    @Test
    void eventsAreNewestFirstAndBoundedByTheRingSize() {
        TelemetryStore store = storeKeeping(3);
        for (int i = 0; i < 3; i++) {
            success(store, "m" + i, Duration.ZERO);
        }
        failedValidation(store, "E");
        success(store, "m3", Duration.ZERO);

        List<TelemetryEvent> events = store.events(100);

        // three slots: a completed generation's attempt shares its outcome's
        assertThat(events).extracting(TelemetryEvent::sequence).containsExactly(8L, 7L, 6L, 5L, 4L);
        assertThat(events).extracting(TelemetryEvent::type, TelemetryEvent::model).containsExactly(
                tuple(EventType.GENERATION_SUCCESS, "m3"),
                tuple(EventType.GENERATION_ATTEMPT, "m3"),
                tuple(EventType.VALIDATION_FAILURE, null),
                tuple(EventType.GENERATION_SUCCESS, "m2"),
                tuple(EventType.GENERATION_ATTEMPT, "m2"));
    }

    @Test
    void eventsAreLimitedToTheNumberAsked() {
        TelemetryStore store = storeKeeping(100);
        success(store, "a", Duration.ZERO);
        success(store, "b", Duration.ZERO);

        assertThat(store.events(3)).extracting(TelemetryEvent::sequence).containsExactly(3L, 2L, 1L);
        assertThat(store.events(0)).isEmpty();
    }

    @Test
    void ringOfSizeZeroKeepsNoEventButAllCounts() {
        TelemetryStore store = storeKeeping(0);
        success(store, "a", Duration.ZERO);

        assertThat(store.events(10)).isEmpty();
        assertThat(store.totals(Duration.ofHours(1), Dimension.all()).successes()).isEqualTo(1);
    }

    @Test
    void eventsOlderThanTheRetentionAreNotExported() {
        TelemetryStore store = storeKeeping(100);
        success(store, "old", Duration.ZERO);
        clock.advance(Duration.ofMinutes(30));
        success(store, "new", Duration.ZERO);

        clock.advance(Duration.ofMinutes(30).plusMillis(1));

        assertThat(store.events(100)).extracting(TelemetryEvent::model).containsOnly("new");
    }

    @Test
    void startEventCarriesNoCodeLengthAndCompletionEventsCarryTheOutcome() {
        TelemetryStore store = storeKeeping(100);
        GenerationRecord generation = generation("m");
        generation.promptLength = 120;
        generation.codeLength = 900;
        generation.dependencies = List.of("junit");
        generation.durationNanos = 5_000;
        record(store, generation);
        failure(store, "m", "java.io.IOException");

        List<TelemetryEvent> events = store.events(100);

        TelemetryEvent failed = events.get(0);
        TelemetryEvent succeeded = events.get(2);
        TelemetryEvent started = events.get(3);
        assertThat(failed.type()).isEqualTo(EventType.GENERATION_FAILURE);
        assertThat(failed.failureType()).isEqualTo("java.io.IOException");
        assertThat(failed.dependencies()).isEmpty();
        assertThat(succeeded.type()).isEqualTo(EventType.GENERATION_SUCCESS);
        assertThat(succeeded.codeLength()).isEqualTo(900);
        assertThat(succeeded.durationNanos()).isEqualTo(5_000);
        assertThat(succeeded.dependencies()).containsExactly("junit");
        assertThat(succeeded.failureType()).isNull();
        assertThat(started.type()).isEqualTo(EventType.GENERATION_ATTEMPT);
        assertThat(started.promptLength()).isEqualTo(120);
        assertThat(started.codeLength()).isEqualTo(-1);
        assertThat(started.durationNanos()).isZero();
    }

    @Test
    void eventKeepsItsOwnCopyOfTheDependenciesOfAReusedRecord() {
        TelemetryStore store = storeKeeping(100);
        GenerationRecord generation = generation("m");
        List<String> dependencies = new ArrayList<>(List.of("junit"));
        generation.dependencies = dependencies;
        record(store, generation);

        dependencies.add("guava");

        assertThat(store.events(1).get(0).dependencies()).containsExactly("junit");
    }

    @Test
    void retryOutsideAnyGenerationIsCountedAndExportedUnderTheRetryRule() {
        TelemetryStore store = storeKeeping(100);

        store.retryStarted(store.currentThread(), null, "regenerate", store.clock().monotonicNanos());

        assertThat(store.totals(Duration.ofHours(1), Dimension.all()).retryAttempts()).isEqualTo(1);
        assertThat(store.events(10)).extracting(TelemetryEvent::type, TelemetryEvent::rule)
                .containsExactly(tuple(EventType.RETRY_ATTEMPT, "regenerate"));
    }

    @Test
    void errorsKeepAShortTypeAndNoMessageByDefault() {
        TelemetryStore store = storeKeeping(100);

        ErrorInfo error = store.error("Gen.java:3: error: incompatible types: Secret7 cannot be converted to int", null,
                "rejected token=abc123 for user bob");

        assertThat(error).isEqualTo(new ErrorInfo("incompatible types", null));
        assertThat(store.keepsErrorMessages()).isFalse();
    }

    @Test
    void keptErrorsAreRedactedBoundedAndFirstLineOnly() {
        TelemetryStore store = new TelemetryStore(TestSettings.defaults().errorMessages(ErrorMessages.FULL)
                .errorMessageLength(20).redact("token=\\S+").build(), 1, clock, model -> { });

        ErrorInfo error = store.error("AuthError", null, "rejected token=abc123 for user bob\nstack trace");

        assertThat(error.type()).isEqualTo("AuthError");
        assertThat(error.message()).isEqualTo("rejected *** for use…");
    }

    @Test
    void typesAreRedactedWithTheConfiguredPatternsAndPickedByTheRulesTypePattern() {
        TelemetryStore store = new TelemetryStore(TestSettings.defaults().redact("ACME-\\d+").build(), 1, clock,
                model -> { });

        assertThat(store.error("ACME-1234", null, null).type()).isEqualTo("***");
        assertThat(store.error("[gen] E42 in 'x'", Pattern.compile("\\] (E\\d+)"), null).type()).isEqualTo("E42");
    }
}
