package io.genscope.runtime.store;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader never takes a half-written event from a slot its writer keeps rewriting: each write
 * gives the slot a version it never had, odd while the fields are written, so a copy made across
 * a write is refused. The writer puts the same number in several fields of each event; a copy
 * whose fields disagree was torn. (A race, so a broken version scheme is caught most runs, not
 * every run: with a constant version it failed 3 runs of 4; correct code never fails.)
 */
class EventSlotVersionTest {

    private static final long WRITING_NANOS = 1_000_000_000L;

    @Test
    void aCopyMadeWhileTheSlotIsRewrittenIsRefusedNeverTorn() throws InterruptedException {
        EventSlot slot = new EventSlot();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong torn = new AtomicLong();
        AtomicLong taken = new AtomicLong();
        Thread reader = new Thread(() -> {
            while (writing.get()) {
                EventSlot.Read read = slot.read(nanos -> nanos, 0);
                if (read != null) {
                    taken.incrementAndGet();
                    TelemetryEvent event = read.event();
                    if (event.nanos() != event.promptLength() || event.nanos() != event.codeLength()
                            || event.nanos() != event.durationNanos()) {
                        torn.incrementAndGet();
                    }
                }
            }
        });
        reader.start();
        long until = System.nanoTime() + WRITING_NANOS;
        for (int i = 1; System.nanoTime() < until || taken.get() == 0; i++) {
            slot.begin(i, 0, i, EventType.RETRY_ATTEMPT, "retry")
                    .generation(null, null, null, i, i, 0, 0, false, null)
                    .outcome(i, List.of(), 0, List.of(), 0)
                    .publish();
        }
        writing.set(false);
        reader.join();

        assertThat(taken.get()).as("copies taken").isPositive();
        assertThat(torn.get()).as("torn copies").isZero();
    }
}
