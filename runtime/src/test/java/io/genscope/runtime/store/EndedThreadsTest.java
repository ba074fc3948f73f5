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
 * must stay counted, while the store lets go of them instead of holding each until its slice
 * leaves the ring, an hour later by default.
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
            Thread request = new Thread(() -> {
                success(store, "model-a", Duration.ofMillis(5));
                synchronized (ended) {
                    ended.add(new WeakReference<>(store.currentThread()));
                }
            });
            request.start();
            request.join();
        }
        success(store, "model-a", Duration.ofMillis(5));

        clock.advance(Duration.ofMinutes(1));
        success(store, "model-b", Duration.ofMillis(5));

        assertThat(store.totals(Duration.ofHours(1), Dimension.all()).successes()).isEqualTo(ENDED + 2);
        assertThat(store.totals(Duration.ofHours(1), Dimension.model("model-a")).successes()).isEqualTo(ENDED + 1);
        assertThat(collected(ended)).as("ended threads whose counts the store let go of").isEqualTo(ENDED);
    }

    /** How many of {@code references} the garbage collector clears, given a few chances. */
    private static int collected(List<WeakReference<ThreadSlice>> references) throws InterruptedException {
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
