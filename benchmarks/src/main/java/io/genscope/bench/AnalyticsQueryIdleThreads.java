// Run from the repository root (the fork loads the runtime jar by a path relative to it):
//   java -jar benchmarks/target/benchmarks.jar AnalyticsQueryIdleThreads -prof gc
package io.genscope.bench;

import io.genscope.runtime.store.TelemetrySettings;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.CountDownLatch;

/**
 * The analytics summary when every slice of the window keeps a thread attached, as the threads
 * of a pool that has gone quiet stay attached to the slice of their last call. Each half slice
 * period of the recording runs on a thread of its own that then stays alive without recording.
 * Same calls as {@link AnalyticsQuery}; the store should reuse its sum of the past slices all the
 * same, as idle threads change nothing in them.
 */
public class AnalyticsQueryIdleThreads extends AnalyticsQuery {

    private final CountDownLatch quit = new CountDownLatch(1);

    @Override
    protected void recordAll() {
        long half = TelemetrySettings.defaults().resolution().toNanos() / 2;
        long from = 0;
        while (from < calls) {
            long part = offsetOf(from) / half;
            long to = from;
            while (to < calls && offsetOf(to) / half == part) {
                to += 2;
            }
            recordOnIdleThread(from, to);
            from = to;
        }
    }

    /** Records the calls on a new thread, which then waits, attached to its last slice, until the trial ends. */
    private void recordOnIdleThread(long from, long to) {
        CountDownLatch recorded = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                recordRange(from, to);
            } finally {
                recorded.countDown(); // a failure shows in the count of generations the setup checks
            }
            await(quit);
        }, "idle-after-" + from);
        thread.setDaemon(true);
        thread.start();
        await(recorded);
    }

    @TearDown(Level.Trial)
    public void endIdleThreads() {
        quit.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
