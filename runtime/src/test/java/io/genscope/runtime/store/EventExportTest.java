package io.genscope.runtime.store;

import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.genscope.runtime.testing.Records.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export merges the rings of every recording thread newest first and stops at {@code max}: the
 * order is the time order across threads, any {@code max} works, and asking for a few events
 * reads a few, not every event kept.
 */
class EventExportTest {

    private final ManualClock clock = new ManualClock();
    private final TelemetryStore store = new TelemetryStore(TestSettings.defaults().eventRingSize(20_000).build(), 1,
            clock, model -> { });
    /** Three recording threads that stay alive, so each keeps its own ring. */
    private final List<ExecutorService> threads = List.of(Executors.newSingleThreadExecutor(),
            Executors.newSingleThreadExecutor(), Executors.newSingleThreadExecutor());

    @AfterEach
    void stopThreads() {
        threads.forEach(ExecutorService::shutdownNow);
    }

    @Test
    void eventsOfAllThreadsComeNewestFirstInTimeOrder() throws Exception {
        for (int i = 0; i < 9; i++) {
            recordOn(i % 3, "m" + i);
        }

        assertThat(store.events(5)).extracting(TelemetryEvent::model).containsExactly("m8", "m8", "m7", "m7", "m6");
        assertThat(store.events(Integer.MAX_VALUE)).hasSize(18)
                .extracting(TelemetryEvent::nanos).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void noEventForAMaxOfZeroOrLess() throws Exception {
        recordOn(0, "m");

        assertThat(store.events(0)).isEmpty();
        assertThat(store.events(-1)).isEmpty();
        assertThat(store.events(Integer.MIN_VALUE)).isEmpty();
    }

    @Test
    void aFewEventsCostAFewReadsHoweverManyAreKept() throws Exception {
        for (int t = 0; t < threads.size(); t++) {
            int thread = t;
            threads.get(t).submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    success(store, "m" + thread, Duration.ZERO);
                }
            }).get();
        }
        store.events(10); // warm up

        long allocated = allocatedBy(() -> assertThat(store.events(10)).hasSize(10));

        assertThat(allocated).as("bytes allocated to export 10 of 60,000 events; a copy of all is about 6 MB")
                .isLessThan(200_000);
    }

    private void recordOn(int thread, String model) throws Exception {
        clock.advance(Duration.ofMillis(1));
        threads.get(thread).submit(() -> success(store, model, Duration.ZERO)).get();
    }

    private static long allocatedBy(Runnable task) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        task.run();
        return bean.getCurrentThreadAllocatedBytes() - before;
    }
}
