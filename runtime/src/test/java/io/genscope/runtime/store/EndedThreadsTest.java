package io.genscope.runtime.store;

import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static io.genscope.runtime.testing.Records.success;
import static io.genscope.runtime.testing.Threads.awaitQuietly;
import static io.genscope.runtime.testing.Threads.runToEnd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generator that starts a thread per request leaves thread after thread behind. Their counts
 * and raw events must stay in the figures and the export, while the store lets go of each
 * thread's counts and hands its event ring on, instead of holding them for the whole retention,
 * an hour by default.
 */
class EndedThreadsTest {

    private static final int ENDED = 20;

    private final ManualClock clock = new ManualClock();
    private final TelemetryStore store = new TelemetryStore(
            TestSettings.slices(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1)).build(), 1, clock,
            model -> { });

    @Test
    void threadsThatEndedAreMergedAndLetGoOnceAnotherThreadMovesOn() throws Exception {
        success(store, "model-a", Duration.ofMillis(5));
        List<WeakReference<ThreadSlice>> ended = threadsThatEachRecordAGenerationOfModelA();

        // the last thread to end is still attached: no thread has joined the slice since
        clock.advance(Duration.ofMinutes(1));
        success(store, "model-b", Duration.ofMillis(5));

        assertThat(store.totals(Duration.ofHours(1), Dimension.all()).successes()).isEqualTo(ENDED + 2);
        assertThat(store.totals(Duration.ofHours(1), Dimension.model("model-a")).successes()).isEqualTo(ENDED + 1);
        assertThat(collected(ended)).as("ended threads whose counts the store let go of").isEqualTo(ENDED);
    }

    @Test
    void threadsThatEndedAreMergedAndLetGoWhenAnotherStartsRecordingInTheSameSlice() throws Exception {
        List<WeakReference<ThreadSlice>> ended = threadsThatEachRecordAGenerationOfModelA();
        success(store, "model-a", Duration.ofMillis(5));

        assertThat(store.totals(Duration.ofHours(1), Dimension.model("model-a")).successes()).isEqualTo(ENDED + 1);
        assertThat(collected(ended)).as("ended threads whose counts the store let go of").isEqualTo(ENDED);
    }

    @Test
    void anEndedThreadAmongManyAliveIsLetGoWithinTwiceAsManyJoinsAsThreadsAttached() throws Exception {
        int alive = 10;
        CountDownLatch recorded = new CountDownLatch(alive);
        CountDownLatch end = new CountDownLatch(1);
        List<Thread> pool = new ArrayList<>();
        for (int i = 0; i < alive; i++) {
            Thread thread = new Thread(() -> {
                success(store, "pool", Duration.ofMillis(5));
                recorded.countDown();
                awaitQuietly(end);
            });
            thread.start();
            pool.add(thread);
        }
        recorded.await();
        List<WeakReference<ThreadSlice>> ended = new ArrayList<>();
        runToEnd(() -> {
            success(store, "request", Duration.ofMillis(5));
            ended.add(new WeakReference<>(store.currentThread()));
        });

        // as many further joins as threads are attached: the pool, the ended one, and these
        for (int i = 0; i < 2 * (alive + 1); i++) {
            Thread joining = new Thread(() -> success(store, "later", Duration.ofMillis(5)));
            joining.start();
            pool.add(joining);
            joining.join();
        }
        end.countDown();
        for (Thread thread : pool) {
            thread.join();
        }

        assertThat(collected(ended)).as("the ended thread's counts, let go of").isEqualTo(1);
        assertThat(store.totals(Duration.ofHours(1), Dimension.model("request")).successes()).isEqualTo(1);
    }

    @Test
    void aThreadThatStartsRecordingTakesOverTheRingOfOneThatHasEndedEventsAndAll() throws Exception {
        TelemetryStore store = storeKeeping(100);
        success(store, "still-running", Duration.ofMillis(5));
        Object stillRunning = store.currentThread().events;
        Set<Object> rings = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> expected = new ArrayList<>(List.of("still-running", "still-running"));
        for (int i = 0; i < ENDED; i++) {
            String model = "request-" + i;
            runToEnd(() -> {
                success(store, model, Duration.ofMillis(5));
                synchronized (rings) {
                    rings.add(store.currentThread().events);
                }
            });
            expected.addAll(List.of(model, model)); // attempt and success
        }

        assertThat(store.events(1_000)).extracting(TelemetryEvent::model).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(rings).as("rings written by %d threads, one after another", ENDED).hasSize(1)
                .doesNotContain(stillRunning);
    }

    @Test
    void threadsRecordingAtTheSameTimeNeverShareARing() throws Exception {
        TelemetryStore store = storeKeeping(100);
        Set<Object> first = ringsOfThreadsRecordingTogether(store, "first");
        Set<Object> second = ringsOfThreadsRecordingTogether(store, "second");

        assertThat(first).as("rings of %d threads alive at once", ENDED).hasSize(ENDED);
        assertThat(second).as("rings of the next %d, each taking over one", ENDED).hasSize(ENDED)
                .containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void aRingTakenOverKeepsTheNewestEvents() throws Exception {
        TelemetryStore store = storeKeeping(4);
        success(store, "still-running", Duration.ofMillis(5));
        for (int i = 0; i < ENDED; i++) {
            clock.advance(Duration.ofMillis(1));
            String model = "request-" + i;
            runToEnd(() -> success(store, model, Duration.ofMillis(5)));
        }

        // four slots, each a completed generation's outcome holding its attempt 5 ms older: the four
        // outcomes 1 ms apart come first, then the four attempts
        List<String> newest = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = ENDED - 1; i >= ENDED - 4; i--) {
                newest.add("request-" + i);
            }
        }
        newest.addAll(List.of("still-running", "still-running"));
        assertThat(store.events(1_000)).extracting(TelemetryEvent::model).containsExactlyElementsOf(newest);
    }

    /** Runs {@link #ENDED} threads one after another, each recording one generation; their slices. */
    private List<WeakReference<ThreadSlice>> threadsThatEachRecordAGenerationOfModelA() throws InterruptedException {
        List<WeakReference<ThreadSlice>> slices = new ArrayList<>();
        for (int i = 0; i < ENDED; i++) {
            runToEnd(() -> {
                success(store, "model-a", Duration.ofMillis(5));
                synchronized (slices) {
                    slices.add(new WeakReference<>(store.currentThread()));
                }
            });
        }
        return slices;
    }

    /** The rings of {@link #ENDED} threads that each record a generation while all are alive. */
    private static Set<Object> ringsOfThreadsRecordingTogether(TelemetryStore store, String model)
            throws InterruptedException {
        Set<Object> rings = Collections.newSetFromMap(new IdentityHashMap<>());
        CountDownLatch recorded = new CountDownLatch(ENDED);
        CountDownLatch end = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < ENDED; i++) {
            Thread thread = new Thread(() -> {
                success(store, model, Duration.ofMillis(5));
                synchronized (rings) {
                    rings.add(store.currentThread().events);
                }
                recorded.countDown();
                awaitQuietly(end);
            });
            thread.start();
            threads.add(thread);
        }
        recorded.await();
        end.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return rings;
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
