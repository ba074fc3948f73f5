package io.genscope.runtime.store;

import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.genscope.runtime.testing.Records.generation;
import static io.genscope.runtime.testing.Threads.runToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A generation's attempt takes its sequence when the generation starts and is written with its
 * outcome, in one slot: export still gives both, with the fields and times they always had.
 */
class GenerationEventSlotTest {

    private final ManualClock clock = new ManualClock();

    private TelemetryStore storeKeeping(int slots) {
        return new TelemetryStore(TestSettings.defaults().eventRingSize(slots).build(), 1, clock, model -> { });
    }

    @Test
    void aCompletedGenerationExportsItsAttemptWithTheValuesItHadWhenItStarted() {
        TelemetryStore store = storeKeeping(100);
        long started = clock.monotonicNanos();
        GenerationRecord generation = generation("entry-model"); // captured at entry
        generation.promptLength = 120;
        store.generationStarted(store.currentThread(), generation, started);
        clock.advance(Duration.ofMillis(3));
        store.retryStarted(store.currentThread(), generation, "retry", clock.monotonicNanos());
        generation.retries = 1;
        clock.advance(Duration.ofMillis(4));
        generation.functionName = "exit-function"; // captured at exit
        generation.projectId = "exit-project";
        generation.codeLength = 900;
        generation.failureType = "java.io.IOException";
        long ended = clock.monotonicNanos();
        generation.durationNanos = ended - started;
        store.generationCompleted(store.currentThread(), generation, ended);

        List<TelemetryEvent> events = store.events(100);

        assertThat(events).extracting(TelemetryEvent::type).containsExactly(
                EventType.GENERATION_FAILURE, EventType.RETRY_ATTEMPT, EventType.GENERATION_ATTEMPT);
        long wallStart = events.get(2).timestampMillis();
        assertThat(events.get(2)).isEqualTo(new TelemetryEvent(0, started, wallStart,
                EventType.GENERATION_ATTEMPT, "generate", "entry-model", null, null, 120, -1, 0, 0, 0, false,
                List.of(), List.of(), null, 0, 0));
        assertThat(events.get(0)).isEqualTo(new TelemetryEvent(2, ended, wallStart + 7,
                EventType.GENERATION_FAILURE, "generate", "entry-model", "exit-project", "exit-function", 120, 900,
                0, 1, ended - started, false, List.of(), List.of(), "java.io.IOException", 0, 0));
        assertThat(events.get(1).sequence()).isEqualTo(1);
    }

    @Test
    void aGenerationStillRunningExportsNothingUntilItEnds() {
        TelemetryStore store = storeKeeping(100);
        GenerationRecord generation = generation("m");
        store.generationStarted(store.currentThread(), generation, clock.monotonicNanos());
        clock.advance(Duration.ofMillis(1));
        store.retryStarted(store.currentThread(), generation, "retry", clock.monotonicNanos());

        assertThat(store.events(100)).extracting(TelemetryEvent::type, TelemetryEvent::sequence)
                .containsExactly(tuple(EventType.RETRY_ATTEMPT, 1L));

        clock.advance(Duration.ofMillis(1));
        generation.durationNanos = Duration.ofMillis(2).toNanos();
        store.generationCompleted(store.currentThread(), generation, clock.monotonicNanos());

        assertThat(store.events(100)).extracting(TelemetryEvent::type, TelemetryEvent::sequence).containsExactly(
                tuple(EventType.GENERATION_SUCCESS, 2L), tuple(EventType.RETRY_ATTEMPT, 1L),
                tuple(EventType.GENERATION_ATTEMPT, 0L));
    }

    @Test
    void attemptsAndOutcomesOfTwoThreadsComeNewestFirstAcrossThreads() throws Exception {
        TelemetryStore store = storeKeeping(100);
        GenerationRecord outer = generation("outer");
        long outerStart = clock.monotonicNanos();
        store.generationStarted(store.currentThread(), outer, outerStart);
        clock.advance(Duration.ofMillis(1));
        GenerationRecord async = generation("async");
        runToEnd(() -> {
            GenerationRecord inner = generation("inner");
            long innerStart = clock.monotonicNanos();
            store.generationStarted(store.currentThread(), inner, innerStart);
            store.generationStarted(store.currentThread(), async, innerStart);
            clock.advance(Duration.ofMillis(1));
            inner.durationNanos = clock.monotonicNanos() - innerStart;
            store.generationCompleted(store.currentThread(), inner, clock.monotonicNanos());
        });
        clock.advance(Duration.ofMillis(1));
        outer.durationNanos = clock.monotonicNanos() - outerStart;
        store.generationCompleted(store.currentThread(), outer, clock.monotonicNanos());
        clock.advance(Duration.ofMillis(1));
        // a generation started on the other thread, completing on this one
        async.durationNanos = clock.monotonicNanos() - outerStart - Duration.ofMillis(1).toNanos();
        store.generationCompleted(store.currentThread(), async, clock.monotonicNanos());

        List<TelemetryEvent> events = store.events(100);

        assertThat(events).extracting(TelemetryEvent::model, TelemetryEvent::type, TelemetryEvent::sequence)
                .containsExactly(
                        tuple("async", EventType.GENERATION_SUCCESS, 2L),
                        tuple("outer", EventType.GENERATION_SUCCESS, 1L),
                        tuple("inner", EventType.GENERATION_SUCCESS, 2L),
                        tuple("async", EventType.GENERATION_ATTEMPT, 1L),
                        tuple("inner", EventType.GENERATION_ATTEMPT, 0L),
                        tuple("outer", EventType.GENERATION_ATTEMPT, 0L));
        assertThat(events).extracting(TelemetryEvent::nanos).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(store.events(4)).extracting(TelemetryEvent::model)
                .containsExactly("async", "outer", "inner", "async");
    }

    @Test
    void anAttemptPastTheRetentionIsLeftOutWhileItsOutcomeIsExported() {
        TelemetryStore store = storeKeeping(100);
        GenerationRecord generation = generation("m");
        long started = clock.monotonicNanos();
        store.generationStarted(store.currentThread(), generation, started);
        clock.advance(Duration.ofMinutes(20));
        generation.durationNanos = clock.monotonicNanos() - started;
        store.generationCompleted(store.currentThread(), generation, clock.monotonicNanos());

        clock.advance(Duration.ofMinutes(40));
        assertThat(store.events(100)).extracting(TelemetryEvent::type)
                .containsExactly(EventType.GENERATION_SUCCESS, EventType.GENERATION_ATTEMPT);

        clock.advance(Duration.ofMillis(1));
        assertThat(store.events(100)).extracting(TelemetryEvent::type)
                .containsExactly(EventType.GENERATION_SUCCESS);

        clock.advance(Duration.ofMinutes(20));
        assertThat(store.events(100)).isEmpty();
    }

    @Test
    void aRingGoingRoundKeepsItsNewestSlotsWithTheirAttempts() {
        TelemetryStore store = storeKeeping(3);
        List<String> slotsWritten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            GenerationRecord generation = generation("m" + i);
            long started = clock.monotonicNanos();
            store.generationStarted(store.currentThread(), generation, started);
            clock.advance(Duration.ofMillis(1));
            if (i % 3 == 0) {
                store.retryStarted(store.currentThread(), generation, "retry", clock.monotonicNanos());
                slotsWritten.add("retry m" + i);
                clock.advance(Duration.ofMillis(1));
            }
            generation.durationNanos = clock.monotonicNanos() - started;
            store.generationCompleted(store.currentThread(), generation, clock.monotonicNanos());
            slotsWritten.add("outcome m" + i);
        }

        // 10 outcomes and 4 retries: sequences 0..23; the last three slots: retry m9, outcome m8, outcome m9
        assertThat(slotsWritten.subList(slotsWritten.size() - 3, slotsWritten.size()))
                .containsExactly("outcome m8", "retry m9", "outcome m9");
        assertThat(store.events(100)).extracting(TelemetryEvent::model, TelemetryEvent::type, TelemetryEvent::sequence)
                .containsExactly(
                        tuple("m9", EventType.GENERATION_SUCCESS, 23L),
                        tuple("m9", EventType.RETRY_ATTEMPT, 22L),
                        tuple("m9", EventType.GENERATION_ATTEMPT, 21L),
                        tuple("m8", EventType.GENERATION_SUCCESS, 20L),
                        tuple("m8", EventType.GENERATION_ATTEMPT, 19L));
    }

    @Test
    void aReaderSkipsTheSlotsTheWriterLapsWhileItReads() {
        ThreadEvents ring = new ThreadEvents(3, Thread.currentThread());
        for (int i = 0; i < 3; i++) {
            retry(ring, i);
        }
        ThreadEvents.NewestFirst cursor = ring.newestFirst(Long.MIN_VALUE, 0, nanos -> nanos);
        assertThat(cursor.advance()).isTrue();
        assertThat(cursor.head().sequence()).isEqualTo(2);

        retry(ring, 3); // overwrites the slot of sequence 0
        retry(ring, 4); // and of sequence 1, which the reader would take next

        assertThat(cursor.advance()).as("an overwritten slot holds a newer event: not the reader's next").isFalse();
    }

    private static void retry(ThreadEvents ring, long nanos) {
        ring.next(0, nanos, EventType.RETRY_ATTEMPT, "retry")
                .generation(null, null, null, -1, -1, 0, 0, false, null)
                .outcome(0, List.of(), 0, List.of(), 0)
                .publish();
    }
}
