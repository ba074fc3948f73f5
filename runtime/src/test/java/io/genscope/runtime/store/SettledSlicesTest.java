package io.genscope.runtime.store;

import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static io.genscope.runtime.testing.Records.failure;
import static io.genscope.runtime.testing.Records.generation;
import static io.genscope.runtime.testing.Records.success;
import static io.genscope.runtime.testing.Records.successUsing;
import static io.genscope.runtime.testing.Threads.awaitQuietly;
import static io.genscope.runtime.testing.Threads.runToEnd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries reuse the sum of the past slices while nothing changes in them: 10 s slices, 60 s window
 * and retention, a manual clock. Each test first makes the store keep a sum, then changes what
 * the sum covers, and checks that the next query sees the change.
 */
class SettledSlicesTest {

    private static final Duration RESOLUTION = Duration.ofSeconds(10);
    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final ManualClock clock = new ManualClock();
    private final TelemetryStore store = new TelemetryStore(
            TestSettings.slices(RESOLUTION, WINDOW, WINDOW).build(), 1, clock, model -> { });

    private long generations(Duration window, Dimension dimension) {
        return store.totals(window, dimension).generations();
    }

    /** Settles the slice this thread records into, by recording in the next one. */
    private void moveOn() {
        clock.advance(RESOLUTION);
        success(store, "m", Duration.ZERO);
    }

    @Test
    void aCallRecordedLateIntoASettledSliceIsCounted() throws Exception {
        long early = clock.monotonicNanos();
        success(store, "m", Duration.ZERO);
        moveOn();
        assertThat(generations(WINDOW, Dimension.all())).isEqualTo(2);

        // a call that started in the first slice and is recorded after it settled; its thread then
        // moves on, so the first slice settles again with the late call in it
        runToEnd(() -> {
            GenerationRecord late = generation("m");
            store.generationStarted(store.currentThread(), late, early);
            store.generationCompleted(store.currentThread(), late, early);
            success(store, "m", Duration.ZERO);
        });

        assertThat(generations(WINDOW, Dimension.all())).isEqualTo(4);
        assertThat(generations(RESOLUTION, Dimension.all())).as("the current slice alone").isEqualTo(2);
    }

    @Test
    void aThreadLeftAttachedToAPastSliceThatRecordsThereLateIsCounted() throws Exception {
        long early = clock.monotonicNanos();
        IdleThread idle = new IdleThread(() -> { // a late call joins nothing and leaves nothing
            GenerationRecord late = generation("m");
            store.generationStarted(store.currentThread(), late, early);
            store.generationCompleted(store.currentThread(), late, early);
        });
        moveOn();
        assertThat(generations(WINDOW, Dimension.all())).isEqualTo(2);

        idle.runLater();

        assertThat(generations(WINDOW, Dimension.all())).isEqualTo(3);
    }

    @Test
    void writesOfAnOperationThatThrowsHalfwayAreCountedAfterAKeptSum() throws Exception {
        long late = clock.monotonicNanos();
        IdleThread idle = new IdleThread(() -> { // counts "compile", then fails on the error without a type
            ValidationRecord validation = new ValidationRecord();
            validation.begin("compile", 0);
            validation.ok = false;
            validation.errors.add(store.error("compile", null, null));
            validation.errors.add(new ErrorInfo(null, null));
            try {
                store.validationCompleted(store.currentThread(), null, validation, late);
            } catch (NullPointerException expected) {
                // the write that failed; the one before it landed
            }
        });
        moveOn();
        assertThat(store.totals(WINDOW, Dimension.all()).errorTypes()).isEmpty();

        idle.runLater();

        assertThat(store.totals(WINDOW, Dimension.all()).errorTypes()).containsOnly(Map.entry("compile", 1L));
    }

    @Test
    void queriesInARowGiveTheSameTotals() {
        successUsing(store, "m", "java.util", "java.io");
        failure(store, "m", "java.lang.IllegalStateException");
        moveOn();

        for (int query = 0; query < 3; query++) {
            TallyTotals totals = store.totals(WINDOW, Dimension.all());
            assertThat(totals.generations()).isEqualTo(3);
            assertThat(totals.failures()).isEqualTo(1);
            assertThat(totals.dependencies()).containsOnly(
                    Map.entry("java.util", 1L), Map.entry("java.io", 1L));
            assertThat(totals.failureTypes()).containsOnly(Map.entry("java.lang.IllegalStateException", 1L));
            assertThat(totals.generationTime().count()).isEqualTo(3);
        }
    }

    @Test
    void eachDimensionAndWindowIsSummedForItself() {
        success(store, "a", Duration.ZERO);
        clock.advance(RESOLUTION.multipliedBy(2));
        success(store, "b", Duration.ZERO);
        success(store, "b", Duration.ZERO);
        moveOn();

        assertThat(generations(WINDOW, Dimension.all())).isEqualTo(4);
        assertThat(generations(WINDOW, Dimension.model("a"))).isEqualTo(1);
        assertThat(generations(WINDOW, Dimension.model("m"))).isEqualTo(1);
        assertThat(generations(RESOLUTION.multipliedBy(2), Dimension.all())).isEqualTo(3);
        assertThat(generations(WINDOW, Dimension.all())).isEqualTo(4);
    }

    @Test
    void aResetIsNotHiddenByAKeptSum() {
        success(store, "m", Duration.ZERO);
        moveOn();
        assertThat(generations(WINDOW, Dimension.all())).isEqualTo(2);

        store.reset();
        assertThat(generations(WINDOW, Dimension.all())).isZero();

        success(store, "m", Duration.ZERO);
        assertThat(generations(WINDOW, Dimension.all())).isEqualTo(1);
    }

    @Test
    void slicesLeavingTheWindowLeaveTheSum() {
        // slice k holds k + 1 generations, so a sum kept for other slices would show
        for (int slice = 0; slice < 5; slice++) {
            for (int i = 0; i <= slice; i++) {
                success(store, "m", Duration.ZERO);
            }
            assertThat(generations(RESOLUTION.multipliedBy(2), Dimension.all()))
                    .as("slice %d and the one before", slice).isEqualTo(slice == 0 ? 1 : 2L * slice + 1);
            clock.advance(RESOLUTION);
        }
    }

    @Test
    void moreDimensionsAndWindowsThanAreKeptEachGetTheirOwnTotals() {
        TelemetryStore manyModels = new TelemetryStore(
                TestSettings.slices(RESOLUTION, WINDOW, WINDOW).maxModels(40).build(), 1, clock, model -> { });
        for (int model = 0; model < 40; model++) {
            for (int i = 0; i <= model; i++) {
                success(manyModels, "m" + model, Duration.ZERO);
            }
        }
        clock.advance(RESOLUTION);
        success(manyModels, "m0", Duration.ZERO);

        for (int round = 0; round < 2; round++) {
            for (int model = 0; model < 40; model++) {
                long expected = model + 1 + (model == 0 ? 1 : 0);
                assertThat(manyModels.totals(WINDOW, Dimension.model("m" + model)).generations()).isEqualTo(expected);
                assertThat(manyModels.totals(RESOLUTION.multipliedBy(3), Dimension.model("m" + model)).generations())
                        .isEqualTo(expected);
            }
        }
    }

    /**
     * A thread that records once, into the slice current when it starts, and then stays attached
     * there without recording until {@link #runLater} has it run its late work and end.
     */
    private final class IdleThread {

        private final CountDownLatch recordedOnce = new CountDownLatch(1);
        private final CountDownLatch go = new CountDownLatch(1);
        private final Thread thread;

        IdleThread(Runnable later) throws InterruptedException {
            thread = new Thread(() -> {
                success(store, "m", Duration.ZERO);
                recordedOnce.countDown();
                awaitQuietly(go);
                later.run();
            });
            thread.start();
            recordedOnce.await();
        }

        void runLater() throws InterruptedException {
            go.countDown();
            thread.join();
        }
    }
}
