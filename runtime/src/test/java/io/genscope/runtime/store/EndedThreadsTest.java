package io.genscope.runtime.store;

import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.genscope.runtime.testing.Records.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generator that starts a thread per request leaves thread after thread behind. Their counts
 * and raw events must stay in the figures and the export, while the store lets go of each
 * thread's own structures instead of holding them for the whole retention, an hour by default.
 */
class EndedThreadsTest {

    private static final int ENDED = 20;

    private final ManualClock clock = new ManualClock();
    private final TelemetryStore store = new TelemetryStore(
            TestSettings.slices(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1)).build(), 1, clock,
            model -> { });

    @Test
    void threadsThatEndedAreMergedAndLetGoOnceAnotherThreadMovesOn() throws Exception {
        List<WeakReference<ThreadSlice>> ended = new ArrayList<>();
        for (int i = 0; i < ENDED; i++) {
            runToEnd(() -> {
                success(store, "model-a", Duration.ofMillis(5));
                synchronized (ended) {
                    ended.add(new WeakReference<>(store.currentThread()));
                }
            });
        }
        success(store, "model-a", Duration.ofMillis(5));

        clock.advance(Duration.ofMinutes(1));
        success(store, "model-b", Duration.ofMillis(5));

        assertThat(store.totals(Duration.ofHours(1), Dimension.all()).successes()).isEqualTo(ENDED + 2);
        assertThat(store.totals(Duration.ofHours(1), Dimension.model("model-a")).successes()).isEqualTo(ENDED + 1);
        assertThat(collected(ended)).as("ended threads whose counts the store let go of").isEqualTo(ENDED);
    }

    @Test
    void theEventsOfEndedThreadsAreStillExportedOnceTheirRingsAreLetGo() throws Exception {
        TelemetryStore store = storeKeeping(100);
        success(store, "still-running", Duration.ofMillis(5));
        List<WeakReference<Object>> rings = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < ENDED; i++) {
            String model = "request-" + i;
            runToEnd(() -> {
                success(store, model, Duration.ofMillis(5));
                synchronized (rings) {
                    rings.add(new WeakReference<>(store.currentThread().events));
                }
            });
            expected.addAll(List.of(model, model)); // attempt and success
        }

        // another thread moving on lets go of the ended threads' counts; another registering a
        // ring, of their rings
        clock.advance(store.settings().resolution());
        success(store, "still-running", Duration.ofMillis(5));
        runToEnd(() -> success(store, "next-request", Duration.ofMillis(5)));

        expected.addAll(List.of("still-running", "still-running", "still-running", "still-running",
                "next-request", "next-request"));
        assertThat(store.events(1_000)).extracting(TelemetryEvent::model).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(collected(rings)).as("ended threads whose event rings the store let go of").isEqualTo(ENDED);
    }

    @Test
    void endedThreadsKeepOnlyAsManyEventsAsOneRingBetweenThem() throws Exception {
        TelemetryStore store = storeKeeping(4);
        for (int i = 0; i < ENDED; i++) {
            String model = "request-" + i;
            runToEnd(() -> success(store, model, Duration.ofMillis(5)));
            clock.advance(Duration.ofMillis(1));
        }

        success(store, "still-running", Duration.ofMillis(5));

        assertThat(store.events(1_000)).extracting(TelemetryEvent::model).containsExactly(
                "still-running", "still-running",
                "request-" + (ENDED - 1), "request-" + (ENDED - 1), "request-" + (ENDED - 2), "request-" + (ENDED - 2));
    }

    private static void runToEnd(Runnable request) throws InterruptedException {
        Thread thread = new Thread(request);
        thread.start();
        thread.join();
    }

    private TelemetryStore storeKeeping(int events) {
        return new TelemetryStore(TestSettings.defaults().eventRingSize(events).build(), 1, clock, model -> { });
    }

    /** How many of {@code references} the garbage collector clears, given a few chances. */
    private static int collected(List<? extends WeakReference<?>> references) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            System.gc();
            if (references.stream().allMatch(reference -> reference.get() == null)) {
                break;
            }
            Thread.sleep(50);
        }
        return (int) references.stream().filter(reference -> reference.get() == null).count();
    }
}
