package io.genscope.runtime.recording;

import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.store.TallyTotals;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import io.genscope.runtime.testing.TestSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many threads recording at once lose no count: every figure equals what the threads did, exactly.
 * Each thread runs its own generator loop (so its own ThreadScope); a latch releases them together.
 */
class ConcurrentRecordingTest {

    private static final int THREADS = 4;
    private static final int GENERATIONS_PER_THREAD = 50_000;
    private static final int TOTAL = THREADS * GENERATIONS_PER_THREAD;
    private static final String[] ERROR_TYPES = {"E0", "E1", "E2"};
    private static final Verdict[] FAILED = {Verdict.failed("E0"), Verdict.failed("E1"), Verdict.failed("E2")};
    private static final Verdict PASSED = Verdict.passed("org.junit");
    private static final Code CODE = Code.of("class A {}");

    private final GeneratorLoop loop = new GeneratorLoop(TestSettings.defaults().eventRingSize(64).build());

    /**
     * Generation {@code i}: a failed compile (error type i % 3), a retry with a passing compile, and
     * then success, except every 10th generation, which throws instead of returning.
     */
    private void generation(int i, Request request) throws Exception {
        loop.generate(request, () -> {
            loop.compile(FAILED[i % ERROR_TYPES.length]);
            loop.regenerate(() -> loop.compile(PASSED));
            if (i % 10 == 0) {
                throw new IllegalStateException("gave up");
            }
            return CODE;
        });
    }

    private void runThread(int thread, CountDownLatch start) throws Exception {
        Request request = Request.of("model-" + thread);
        start.await();
        for (int i = 0; i < GENERATIONS_PER_THREAD; i++) {
            try {
                generation(i, request);
            } catch (IllegalStateException expected) {
                // every 10th generation fails on purpose
            }
        }
    }

    @Test
    void concurrentGenerationsAreCountedExactly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> threads = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(pool.submit(() -> {
                    runThread(thread, start);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : threads) {
                thread.get();
            }
        } finally {
            pool.shutdownNow();
        }

        long failures = THREADS * (long) ((GENERATIONS_PER_THREAD + 9) / 10);
        TallyTotals totals = loop.totals();
        assertThat(totals.generations()).isEqualTo(TOTAL);
        assertThat(totals.successes()).isEqualTo(TOTAL - failures);
        assertThat(totals.failures()).isEqualTo(failures);
        assertThat(totals.retryAttempts()).isEqualTo(TOTAL);
        assertThat(totals.retriesOfCompleted()).isEqualTo(TOTAL);
        assertThat(totals.retriedGenerations()).isEqualTo(TOTAL);
        assertThat(totals.retriedSuccesses()).isEqualTo(TOTAL - failures);
        assertThat(totals.validations()).isEqualTo(2L * TOTAL);
        assertThat(totals.validationFailures()).isEqualTo(TOTAL);
        assertThat(totals.errorTypes()).isEqualTo(Map.of(
                "E0", THREADS * (long) countOf(0),
                "E1", THREADS * (long) countOf(1),
                "E2", THREADS * (long) countOf(2)));
        assertThat(totals.failureTypes()).isEqualTo(Map.of("java.lang.IllegalStateException", failures));
        assertThat(totals.dependencies()).isEqualTo(Map.of("org.junit", TOTAL - failures));
        assertThat(totals.generationTime().count()).isEqualTo(TOTAL);
        for (int t = 0; t < THREADS; t++) {
            assertThat(loop.totals(Dimension.model("model-" + t)).generations()).isEqualTo(GENERATIONS_PER_THREAD);
        }
        assertThat(loop.rules.get(GeneratorLoop.COMPILE).calls()).isEqualTo(2L * TOTAL);
    }

    /** How many of one thread's generations fail compile with ERROR_TYPES[remainder]. */
    private static int countOf(int remainder) {
        return (GENERATIONS_PER_THREAD - remainder + ERROR_TYPES.length - 1) / ERROR_TYPES.length;
    }
}
