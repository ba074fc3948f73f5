package io.genscope.runtime.jfr;

import io.genscope.runtime.Role;
import io.genscope.runtime.rule.RuleCaptures;
import io.genscope.runtime.rule.RuleCaptures.BreakdownCaptures;
import io.genscope.runtime.rule.RuleDefinition;
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
import static io.genscope.runtime.testing.CapturePaths.arg;
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

    private static final int HANDLE = GeneratorLoop.FIRST_EXTRA;
    private static final int ASK = GeneratorLoop.FIRST_EXTRA + 1;
    private static final Ask ADA = new Ask("codex-pro", "B", "ada", "crud");
    private static final Ask BOB = new Ask("codex-mini", "A", "bob", "parsing");

    /** What the {@code ask} generation rule captures its breakdown values from. */
    public record Ask(String model, String variant, String user, String category) {
    }

    private final CollectingLog log = new CollectingLog();
    private final GeneratorLoop loop = new GeneratorLoop(TelemetrySettings.defaults(), Timeline.of(true, log),
            new RuleDefinition("handle", Role.REQUEST, RuleCaptures.none()),
            new RuleDefinition("ask", Role.GENERATION, new RuleCaptures(null, arg(0, "model"), null, null, null, null,
                    null, null, null, null, null, null, null, null,
                    new BreakdownCaptures(arg(0, "variant"), arg(0, "user"), arg(0, "category")))));
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
    void theEventsOfARequestCarryItsNumberAndTheBreakdownValuesOfTheGenerationTheyBelongTo() throws Exception {
        loop.call(HANDLE, loop, new Object[0], () -> {
            loop.compile(Verdict.failed("E_SPEC")); // held for the request's first generation
            loop.call(ASK, loop, new Object[] {ADA}, () -> loop.compile(Verdict.passed()));
            loop.compile(Verdict.failed("late")); // after the generation call: attributed to it
            return loop.regenerate(() -> SOURCE);
        });
        loop.call(HANDLE, loop, new Object[0], () -> loop.call(ASK, loop, new Object[] {BOB}, () -> SOURCE));
        loop.call(ASK, loop, new Object[] {BOB}, () -> SOURCE); // outside any request
        List<RecordedEvent> events = recording.stop();

        List<RecordedEvent> requests = named(events, GenscopeRecording.REQUEST);
        assertThat(requests).hasSize(2).allSatisfy(request -> {
            assertThat(request.getString("outcome")).isEqualTo("succeeded");
            assertThat(request.getInt("generations")).isEqualTo(1);
        });
        long first = requests.get(0).getLong("request");
        long second = requests.get(1).getLong("request");
        assertThat(first).isPositive();
        assertThat(second).isPositive().isNotEqualTo(first);

        List<RecordedEvent> generations = named(events, GENERATION);
        assertThat(generations).extracting(event -> event.getLong("request")).containsExactly(first, second, 0L);
        assertThat(generations).extracting(event -> event.getString("variant")).containsExactly("B", "A", "A");
        assertThat(generations).extracting(event -> event.getString("promptCategory"))
                .containsExactly("crud", "parsing", "parsing");
        String ada = loop.store.settings().userIds().kept("ada");
        String bob = loop.store.settings().userIds().kept("bob");
        assertThat(ada).matches("[0-9a-f]{12}");
        assertThat(generations).extracting(event -> event.getString("userId")).containsExactly(ada, bob, bob);

        List<RecordedEvent> validations = named(events, VALIDATION);
        assertThat(validations).extracting(event -> event.getString("errorType")).containsExactly("E_SPEC", null, "late");
        assertThat(validations).allSatisfy(validation -> assertThat(validation.getLong("request")).isEqualTo(first));
        assertThat(validations.get(0).getString("generator")).as("held: before its generation started").isNull();
        RecordedEvent retry = single(named(events, RETRY));
        assertThat(retry.getLong("request")).isEqualTo(first);
        for (RecordedEvent attributed : List.of(validations.get(1), validations.get(2), retry)) {
            assertThat(attributed.getString("generator")).isEqualTo("ask");
            assertThat(attributed.getString("model")).isEqualTo("codex-pro");
            assertThat(attributed.getString("variant")).isEqualTo("B");
            assertThat(attributed.getString("userId")).isEqualTo(ada);
            assertThat(attributed.getString("promptCategory")).isEqualTo("crud");
        }
        assertThat(events).allSatisfy(event -> event.getFields().forEach(field ->
                assertThat((Object) event.getValue(field.getName())).isNotIn("ada", "bob")));
    }

    @Test
    void aValidationHeldForARequestsGenerationLeavesNoEventOpenSoLaterRequestsStillHaveTheirs() throws Exception {
        int requests = FlightRecorderThreadTimeline.MAX_OPEN + 2;
        for (int i = 0; i < requests; i++) {
            loop.call(HANDLE, loop, new Object[0], () -> {
                loop.compile(Verdict.passed()); // held
                return loop.call(ASK, loop, new Object[] {ADA}, () -> loop.compile(Verdict.passed()));
            });
        }
        List<RecordedEvent> events = recording.stop();
        assertThat(named(events, VALIDATION)).hasSize(2 * requests);
        assertThat(named(events, GenscopeRecording.REQUEST)).extracting(event -> event.getLong("request"))
                .doesNotHaveDuplicates().hasSize(requests);
    }

    @Test
    void aRequestWhoseGenerationFailedSaysSoAndSpansItsGeneration() throws Exception {
        loop.call(HANDLE, loop, new Object[0], () -> {
            try {
                loop.call(ASK, loop, new Object[] {ADA}, () -> {
                    throw new IllegalStateException("down");
                });
            } catch (IllegalStateException expected) {
                // the host handles its generation's failure
            }
            return "fallback";
        });
        List<RecordedEvent> events = recording.stop();
        RecordedEvent request = single(named(events, GenscopeRecording.REQUEST));
        assertThat(request.getString("outcome")).isEqualTo("generation_failed");
        assertThat(single(named(events, GENERATION)).getLong("request")).isEqualTo(request.getLong("request"));
        assertThat(request.getDuration()).isGreaterThanOrEqualTo(single(named(events, GENERATION)).getDuration());
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
