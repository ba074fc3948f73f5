package io.genscope.runtime.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls counted by each thread in its own table are summed exactly, those of threads that have
 * ended included, and an ended thread's table is let go: the registry holds no more tables than
 * threads alive since it last looked.
 */
class ThreadCallCountsTest {

    private static final int THREADS = 8;
    private static final int CALLS = 10_000;

    private final ThreadCallCounts counts = new ThreadCallCounts(2);

    @Test
    void theSumIsExactOverThreadsThatEndedAndTheirTablesAreLetGo() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(new Thread(() -> {
                ThreadCallCounts.Cells cells = counts.register();
                for (int i = 0; i < CALLS; i++) {
                    cells.increment(0);
                    cells.increment(i % 2);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(counts.sum(0)).isEqualTo((long) THREADS * CALLS * 3 / 2);
        assertThat(counts.sum(1)).isEqualTo((long) THREADS * CALLS / 2);
        assertThat(counts.threadsHeld()).as("ended threads folded").isZero();
        assertThat(counts.sum(0)).as("folded once only").isEqualTo((long) THREADS * CALLS * 3 / 2);
    }

    @Test
    void aLiveThreadsCountsAreReadAndASlotPastTheTableGrowsIt() {
        ThreadCallCounts.Cells cells = counts.register();
        cells.increment(1);
        cells.increment(70); // a slot a reload added
        cells.increment(70);

        assertThat(counts.sum(1)).isEqualTo(1);
        assertThat(counts.sum(70)).isEqualTo(2);
        assertThat(counts.sum(3)).isZero();
        assertThat(counts.threadsHeld()).isEqualTo(1);
    }
}
