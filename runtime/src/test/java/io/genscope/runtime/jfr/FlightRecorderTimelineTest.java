package io.genscope.runtime.jfr;

import io.genscope.runtime.store.TelemetrySettings;
import io.genscope.runtime.store.ValidationRecord;
import io.genscope.runtime.testing.CollectingLog;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static io.genscope.runtime.jfr.GenscopeRecording.GENERATION;
import static io.genscope.runtime.jfr.GenscopeRecording.RETRY;
import static io.genscope.runtime.jfr.GenscopeRecording.VALIDATION;
import static io.genscope.runtime.jfr.GenscopeRecording.named;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recorder's calls as JFR events, through a real recorder and a real in-process recording:
 * one event per generation, validation and retry, with the records' metadata, spans nested as the
 * calls were, and nothing when no recording enables them.
 */
class FlightRecorderTimelineTest {

    private static final String PROMPT = "write an order service for the shop";
    private static final Request REQUEST = new Request("codex-pro", "shop", "createOrder", PROMPT);
    private static final String SOURCE = "class Order { void place() {} }";

    private final CollectingLog log = new CollectingLog();
    private final GeneratorLoop loop = new GeneratorLoop(TelemetrySettings.defaults(), Timeline.of(true, log));
    private GenscopeRecording recording = new GenscopeRecording();

    @AfterEach
    void closeRecording() {
        recording.close();
    }

    @Test
    void eachGenerationValidationAndRetryIsOneEventWithItsGenerationsMetadata() throws Exception {
        loop.generate(REQUEST, () -> {
            loop.compile(Verdict.failed("cant.resolve", "missing.semicolon"));
            loop.regenerate(() -> SOURCE);
            loop.compile(Verdict.passed("java.util.List", "java.time.Instant"));
            return Code.of(SOURCE);
        });
        List<RecordedEvent> events = recording.stop();

        assertThat(log.infos()).isEmpty();
        RecordedEvent generation = single(named(events, GENERATION));
        assertThat(generation.getString("generator")).isEqualTo("generate");
        assertThat(generation.getString("model")).isEqualTo("codex-pro");
        assertThat(generation.getString("projectId")).isEqualTo("shop");
        assertThat(generation.getString("functionName")).isEqualTo("createOrder");
        assertThat(generation.getString("outcome")).isEqualTo("success");
        assertThat(generation.getString("failureType")).isNull();
        assertThat(generation.getInt("retries")).isEqualTo(1);
        assertThat(generation.getInt("validations")).isEqualTo(2);
        assertThat(generation.getInt("failedValidations")).isEqualTo(1);
        assertThat(generation.getInt("promptLength")).isEqualTo(PROMPT.length());
        assertThat(generation.getInt("codeLength")).isEqualTo(SOURCE.length());
        assertThat(generation.getInt("dependencies")).isEqualTo(2);
        assertThat(generation.getBoolean("asynchronous")).isFalse();
        assertThat(generation.getThread().getJavaThreadId()).isEqualTo(Thread.currentThread().getId());

        List<RecordedEvent> validations = named(events, VALIDATION);
        assertThat(validations).extracting(event -> event.getInt("attempt")).containsExactly(1, 2);
        assertThat(validations).extracting(event -> event.getBoolean("passed")).containsExactly(false, true);
        assertThat(validations).extracting(event -> event.getInt("errors")).containsExactly(2, 0);
        assertThat(validations).extracting(event -> event.getString("errorType")).containsExactly("cant.resolve", null);
        assertThat(validations).extracting(event -> event.getInt("detectedDependencies")).containsExactly(0, 2);
        assertThat(validations).allSatisfy(validation -> {
            assertThat(validation.getString("validator")).isEqualTo("compile");
            assertThat(validation.getString("generator")).isEqualTo("generate");
            assertThat(validation.getString("model")).isEqualTo("codex-pro");
            assertThat(validation.getString("projectId")).isEqualTo("shop");
            assertWithin(validation, generation);
        });

        RecordedEvent retry = single(named(events, RETRY));
        assertThat(retry.getString("retry")).isEqualTo("regenerate");
        assertThat(retry.getInt("attempt")).isEqualTo(2);
        assertThat(retry.getString("generator")).isEqualTo("generate");
        assertThat(retry.getString("model")).isEqualTo("codex-pro");
        assertWithin(retry, generation);
        assertThat(retry.getStartTime()).isAfterOrEqualTo(validations.get(0).getEndTime());
        assertThat(retry.getEndTime()).isBeforeOrEqualTo(validations.get(1).getStartTime());

        assertThat(events).allSatisfy(event -> event.getFields().forEach(field -> {
            Object value = event.getValue(field.getName());
            if (value instanceof String text) {
                assertThat(text).doesNotContain("order service").doesNotContain("place()");
            }
        }));
    }

    @Test
    void aGenerationThatThrowsIsAFailureWithTheExceptionsClass() throws Exception {
        try {
            loop.generate(REQUEST, () -> {
                throw new IllegalStateException("the model is down: " + PROMPT);
            });
        } catch (IllegalStateException expected) {
            // the host's own exception, untouched
        }
        RecordedEvent generation = single(named(recording.stop(), GENERATION));
        assertThat(generation.getString("outcome")).isEqualTo("failure");
        assertThat(generation.getString("failureType")).isEqualTo("java.lang.IllegalStateException");
        assertThat(generation.getInt("codeLength")).isEqualTo(-1);
    }

    @Test
    void aNestedGenerationCallIsARetryAndAValidationOutsideAnyGenerationHasNoGenerator() throws Exception {
        loop.compile(Verdict.failed("lonely"));
        loop.generate(REQUEST, () -> loop.generate(REQUEST, () -> loop.generate(REQUEST, () -> Code.of(SOURCE))));
        List<RecordedEvent> events = recording.stop();

        RecordedEvent validation = single(named(events, VALIDATION));
        assertThat(validation.getString("generator")).isNull();
        assertThat(validation.getInt("attempt")).isZero();
        assertThat(validation.getString("errorType")).isEqualTo("lonely");
        assertThat(single(named(events, GENERATION)).getInt("retries")).isEqualTo(2);
        List<RecordedEvent> retries = named(events, RETRY);
        assertThat(retries).extracting(event -> event.getString("retry")).containsExactly("generate", "generate");
        assertThat(retries).extracting(event -> event.getInt("attempt")).containsExactlyInAnyOrder(2, 3);
        assertWithin(retries.get(0), retries.get(1)); // the innermost ends first
    }

    @Test
    void aGenerationReturningAFutureIsOneEventWhenTheFutureCompletesOnTheThreadThatCompletesIt() throws Exception {
        CompletableFuture<Code> pending = loop.generateDeclared(REQUEST, CompletableFuture::new);
        AtomicReference<Long> completer = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            completer.set(Thread.currentThread().getId());
            pending.complete(Code.of(SOURCE, "org.async"));
        }, "completer");
        thread.start();
        thread.join();

        RecordedEvent generation = single(named(recording.stop(), GENERATION));
        assertThat(generation.getBoolean("asynchronous")).isTrue();
        assertThat(generation.getString("generator")).isEqualTo("generate-declared");
        assertThat(generation.getInt("codeLength")).isEqualTo(SOURCE.length());
        assertThat(generation.getInt("dependencies")).isEqualTo(1);
        RecordedThread eventThread = generation.getThread();
        assertThat(eventThread.getJavaThreadId()).isEqualTo(completer.get());
    }

    @Test
    void aDisabledTypeOrAGenerationUnderItsThresholdIsNotRecordedTheOthersAre() throws Exception {
        recording.close();
        recording = new GenscopeRecording(Duration.ofHours(1));
        recording.disable(VALIDATION);
        loop.generate(REQUEST, () -> {
            loop.compile(Verdict.failed("x"));
            loop.regenerate(() -> SOURCE);
            return Code.of(SOURCE);
        });
        List<RecordedEvent> events = recording.stop();
        assertThat(named(events, GENERATION)).isEmpty();
        assertThat(named(events, VALIDATION)).isEmpty();
        assertThat(named(events, RETRY)).hasSize(1);
    }

    @Test
    void withoutARecordingNoEventIsOpenedAndAnEndWithoutItsStartDoesNothing() throws Exception {
        recording.close();
        FlightRecorderThreadTimeline timeline = new FlightRecorderThreadTimeline();
        timeline.validationStarted(7);
        timeline.retryStarted(8, "regenerate", 2);
        assertThat(timeline.openEvents()).isZero();
        assertThat(timeline.generationPending()).isSameAs(PendingGeneration.NONE);

        recording = new GenscopeRecording();
        timeline.validationCompleted(7, null, new ValidationRecord());
        assertThat(recording.stop()).isEmpty();
    }

    @Test
    void theEndOfAnOuterCallDropsTheEventsOfInnerCallsWhoseEndsWereLost() {
        FlightRecorderThreadTimeline timeline = new FlightRecorderThreadTimeline();
        timeline.validationStarted(1);
        timeline.retryStarted(2, "regenerate", 2);
        timeline.validationStarted(3);
        assertThat(timeline.openEvents()).isEqualTo(3);
        timeline.retryEnded(99, null); // no such call: nothing dropped
        assertThat(timeline.openEvents()).isEqualTo(3);
        timeline.validationCompleted(1, null, new ValidationRecord());
        assertThat(timeline.openEvents()).isZero();
    }

    @Test
    void theOpenEventsOfOneThreadAreBounded() {
        FlightRecorderThreadTimeline timeline = new FlightRecorderThreadTimeline();
        for (int call = 1; call <= FlightRecorderThreadTimeline.MAX_OPEN + 10; call++) {
            timeline.retryStarted(call, "regenerate", call + 1);
        }
        assertThat(timeline.openEvents()).isEqualTo(FlightRecorderThreadTimeline.MAX_OPEN);
    }

    @Test
    void eventsOffInTheConfigMeansNoTimelineAtAll() {
        assertThat(Timeline.of(false, log)).isSameAs(Timeline.NONE);
        assertThat(Timeline.of(true, log).forThread()).isInstanceOf(FlightRecorderThreadTimeline.class);
        assertThat(log.infos()).isEmpty();
    }

    private static RecordedEvent single(List<RecordedEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static void assertWithin(RecordedEvent inner, RecordedEvent outer) {
        assertThat(inner.getStartTime()).isAfterOrEqualTo(outer.getStartTime());
        assertThat(inner.getEndTime()).isBeforeOrEqualTo(outer.getEndTime());
    }
}
