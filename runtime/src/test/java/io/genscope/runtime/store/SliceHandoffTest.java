package io.genscope.runtime.store;

import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static io.genscope.runtime.testing.Records.successUsing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threads hand their counts over to a slice when they move on to the next one. While time
 * advances under several recording threads and a reader, no count (of generations, or of the
 * dependencies they report) is lost and none is counted twice: the reader never sees more than
 * was recorded, and the final total is exact.
 */
class SliceHandoffTest {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 20_000;

    @Test
    void countsMovingFromLiveToRetiredAreNeitherLostNorDoubled() throws Exception {
        ManualClock clock = new ManualClock();
        TelemetryStore store = new TelemetryStore(TestSettings.slices(Duration.ofMillis(100),
                Duration.ofHours(1), Duration.ofHours(1)).build(), 1, clock, model -> { });
        AtomicLong recorded = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong overCounted = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            writers.add(new Thread(() -> {
                await(start);
                for (int i = 0; i < PER_THREAD; i++) {
                    successUsing(store, "model-" + (i % 3), "dep-" + (i % 40)); // new keys grow the tallies
                    recorded.incrementAndGet();
                    if (i % 500 == 0) {
                        clock.advance(Duration.ofMillis(30));
                    }
                }
            }));
        }
        Thread reader = new Thread(() -> {
            await(start);
            while (running.get()) {
                TallyTotals totals = store.totals(Duration.ofHours(1), Dimension.all());
                long seen = totals.completed();
                long seenDependencies = totals.dependencies().values().stream().mapToLong(Long::longValue).sum();
                long after = recorded.get();
                boolean emptyKey = totals.dependencies().containsValue(0L);
                if (seen > after + THREADS || seenDependencies > after + THREADS || emptyKey) {
                    overCounted.incrementAndGet();
                }
            }
        });
        writers.forEach(Thread::start);
        reader.start();
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        running.set(false);
        reader.join();

        TallyTotals totals = store.totals(Duration.ofHours(1), Dimension.all());
        assertThat(overCounted).as("reads that saw more than was recorded").hasValue(0);
        assertThat(totals.generations()).isEqualTo((long) THREADS * PER_THREAD);
        assertThat(totals.successes()).isEqualTo((long) THREADS * PER_THREAD);
        assertThat(totals.generationTime().count()).isEqualTo((long) THREADS * PER_THREAD);
        assertThat(totals.dependencies()).hasSize(40)
                .allSatisfy((dependency, count) -> assertThat(count).isEqualTo((long) THREADS * PER_THREAD / 40));
        long byModel = 0;
        for (String model : store.models(Duration.ofHours(1))) {
            byModel += store.totals(Duration.ofHours(1), Dimension.model(model)).successes();
        }
        assertThat(byModel).isEqualTo((long) THREADS * PER_THREAD);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
