package io.genscope.runtime.recording;

import io.genscope.runtime.store.EventType;
import io.genscope.runtime.store.TallyTotals;
import io.genscope.runtime.store.TelemetryEvent;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/** A generation that returns a {@link CompletionStage} ends when the stage completes, not when it returns. */
class TelemetryRecorderAsyncTest {

    private static final Request REQUEST = Request.of("gpt-4");
    private static final Code CODE = Code.of("class Async {}", "org.async");

    private final GeneratorLoop loop = new GeneratorLoop();

    private CompletableFuture<Code> generateAsync() throws Exception {
        return loop.generateDeclared(REQUEST, CompletableFuture::new);
    }

    @Test
    void futureGenerationCountsOnlyOnceCompletedAndIsTimedToCompletion() throws Exception {
        CompletableFuture<Code> pending = generateAsync();
        loop.clock.advance(Duration.ofMillis(250));

        assertThat(loop.totals().generations()).isEqualTo(1);
        assertThat(loop.totals().completed()).isZero();

        pending.complete(CODE);

        TallyTotals totals = loop.totals();
        assertThat(totals.successes()).isEqualTo(1);
        assertThat(totals.generationTime().maxNanos()).isEqualTo(Duration.ofMillis(250).toNanos());
    }

    @Test
    void returnCapturesReadTheValueTheFutureCompletedWith() throws Exception {
        generateAsync().complete(CODE);

        TallyTotals totals = loop.totals();
        assertThat(totals.codeLengthSum()).isEqualTo(CODE.text().length());
        assertThat(totals.dependencies()).containsOnly(entry("org.async", 1L));
    }

    @Test
    void exceptionalCompletionIsAFailureWithTheExceptionClass() throws Exception {
        generateAsync().completeExceptionally(new IOException("rate limited"));

        TallyTotals totals = loop.totals();
        assertThat(totals.failures()).isEqualTo(1);
        assertThat(totals.failureTypes()).containsOnly(entry("java.io.IOException", 1L));
        assertThat(totals.dependencies()).isEmpty();
    }

    @Test
    void completionExceptionIsUnwrappedToItsCause() throws Exception {
        generateAsync().completeExceptionally(new CompletionException(new IllegalStateException("bad")));

        assertThat(loop.totals().failureTypes()).containsOnly(entry("java.lang.IllegalStateException", 1L));
    }

    @Test
    void dependentStageThatThrowsIsUnwrappedToTheThrownException() throws Exception {
        CompletableFuture<String> source = new CompletableFuture<>();
        loop.generate(REQUEST, () -> source.thenApply(text -> {
            throw new UnsupportedOperationException(text);
        }));

        source.complete("no");

        assertThat(loop.totals().failureTypes()).containsOnly(entry("java.lang.UnsupportedOperationException", 1L));
    }

    @Test
    void alreadyCompletedFutureCountsAtExit() throws Exception {
        loop.generateDeclared(REQUEST, () -> CompletableFuture.completedFuture(CODE));

        assertThat(loop.totals().successes()).isEqualTo(1);
    }

    @Test
    void retriesBeforeReturningBelongToThePendingGeneration() throws Exception {
        CompletableFuture<Code> pending = loop.generateDeclared(REQUEST, () -> {
            loop.regenerate(() -> null);
            return new CompletableFuture<>();
        });

        pending.complete(CODE);

        assertThat(loop.totals().retriedSuccesses()).isEqualTo(1);
        assertThat(loop.store.events(1).get(0).retryCount()).isEqualTo(1);
    }

    @Test
    void threadStartsItsNextGenerationWhileTheFirstIsStillPending() throws Exception {
        CompletableFuture<Code> first = generateAsync();
        loop.clock.advance(Duration.ofMillis(10));
        loop.generate(Request.of("claude"), () -> {
            loop.clock.advance(Duration.ofMillis(5));
            return CODE;
        });
        loop.clock.advance(Duration.ofMillis(85));

        first.complete(CODE);

        TallyTotals totals = loop.totals();
        assertThat(totals.generations()).isEqualTo(2);
        assertThat(totals.successes()).isEqualTo(2);
        assertThat(totals.retryAttempts()).isZero();
        assertThat(loop.store.events(10)).filteredOn(e -> e.type() == EventType.GENERATION_SUCCESS)
                .extracting(TelemetryEvent::model, TelemetryEvent::durationNanos)
                .containsExactly(
                        tuple("gpt-4", Duration.ofMillis(100).toNanos()),
                        tuple("claude", Duration.ofMillis(5).toNanos()));
    }

    @Test
    void anyCompletionStageCountsNotOnlyCompletableFuture() throws Exception {
        CompletableFuture<Code> source = new CompletableFuture<>();
        loop.generateDeclared(REQUEST, source::minimalCompletionStage);

        assertThat(loop.totals().completed()).isZero();
        source.complete(CODE);

        assertThat(loop.totals().successes()).isEqualTo(1);
    }

    @Test
    void futureCompletedOnAnotherThreadIsCounted() throws Exception {
        CompletableFuture<Code> pending = generateAsync();

        Thread completer = new Thread(() -> pending.complete(CODE));
        completer.start();
        completer.join();

        assertThat(loop.totals().successes()).isEqualTo(1);
    }
}
