package io.genscope.runtime.recording;

import io.genscope.runtime.store.TallyTotals;
import io.genscope.runtime.store.TelemetryEvent;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import org.junit.jupiter.api.Test;

import static io.genscope.runtime.testing.GeneratorLoop.COMPILE;
import static io.genscope.runtime.testing.GeneratorLoop.GENERATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a recursive generator exhausts its thread's stack, the advice of the deepest levels may
 * fail to call the runtime on entry or on exit (the {@link StackOverflowError} is suppressed by
 * the advice; a lost entry hands the exit a token of {@code 0}). Whatever was lost, the thread's
 * generation depth is right again once the calls around it have exited, so the next generation on
 * the thread is counted as one, and nothing the host recovered from is recorded as its failure.
 */
class StackOverflowBookkeepingTest {

    private static final Object[] ARGS = {Request.of("gpt-4")};
    private static final long LOST_ENTRY = 0;

    private final GeneratorLoop loop = new GeneratorLoop();

    @Test
    void aNestedExitLostToTheOverflowDoesNotKeepTheGenerationOpen() throws Exception {
        long outer = loop.recorder.enter(GENERATE, loop, ARGS);
        loop.recorder.enter(GENERATE, loop, ARGS); // its exit never reaches the runtime
        loop.recorder.exit(GENERATE, outer, loop, ARGS, null, new StackOverflowError());

        loop.generate(Request.of("gpt-4"), () -> Code.of("class Next {}"));

        TallyTotals totals = loop.totals();
        assertThat(totals.generations()).isEqualTo(2);
        assertThat(totals.failures()).isEqualTo(1);
        assertThat(totals.successes()).isEqualTo(1);
        assertThat(totals.retryAttempts()).isEqualTo(1);
    }

    @Test
    void aNestedEntryLostToTheOverflowDoesNotEndTheGenerationAtThatLevel() throws Exception {
        long outer = loop.recorder.enter(GENERATE, loop, ARGS);
        // the nested call's entry was lost; it threw the overflow, which the outer call caught
        loop.recorder.exit(GENERATE, LOST_ENTRY, loop, ARGS, null, new StackOverflowError());
        loop.recorder.exit(GENERATE, outer, loop, ARGS, Code.of("class Recovered {}"), null);

        loop.generate(Request.of("gpt-4"), () -> Code.of("class Next {}"));

        TallyTotals totals = loop.totals();
        assertThat(totals.generations()).isEqualTo(2);
        assertThat(totals.successes()).isEqualTo(2);
        assertThat(totals.failures()).isZero();
    }

    @Test
    void aValidationWhoseEntryWasLostIsNotRecordedWithADurationFromTimeZero() throws Exception {
        loop.recorder.exit(COMPILE, LOST_ENTRY, loop, null, Verdict.failed("E1"), null);

        loop.compile(Verdict.failed("E1"));

        assertThat(loop.totals().validations()).isEqualTo(1);
        assertThat(loop.store.events(10)).extracting(TelemetryEvent::durationNanos).containsExactly(0L);
    }

    @Test
    void anOverflowInsideTheRecorderIsNotLoggedAsAnInternalErrorUnlikeOtherFailures() throws Exception {
        loop.recorder.runAtNextCall(() -> {
            throw new StackOverflowError();
        });
        loop.generate(Request.of("gpt-4"), () -> Code.of("class Unrecorded {}"));
        loop.recorder.runAtNextCall(() -> {
            throw new IllegalStateException();
        });
        loop.generate(Request.of("gpt-4"), () -> Code.of("class Unrecorded {}"));

        assertThat(loop.log.errors()).singleElement().asString().contains("IllegalStateException");
        assertThat(loop.totals().generations()).isZero();
    }
}
