package io.genscope.runtime.time;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Clock} that moves only when a test moves it, so time-dependent behaviour is tested
 * without sleeping. Starts at midnight UTC on 2024-01-01, a wall time aligned to every slice
 * resolution the tests use (seconds, minutes, hours).
 *
 * <p>Thread-safe: many recording threads may read it while it stands still.
 */
public final class ManualClock implements Clock {

    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private final AtomicLong wallMillis = new AtomicLong(START.toEpochMilli());
    private final AtomicLong monotonicNanos = new AtomicLong(7_000_000_000L);

    @Override
    public long wallMillis() {
        return wallMillis.get();
    }

    @Override
    public long monotonicNanos() {
        return monotonicNanos.get();
    }

    /** Moves both clocks forward by {@code step}. */
    public ManualClock advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("time only moves forward here; use setWall to step the wall clock back");
        }
        wallMillis.addAndGet(step.toMillis());
        monotonicNanos.addAndGet(step.toNanos());
        return this;
    }

    /** Sets the wall clock alone (as NTP would); monotonic time is unaffected. */
    /** Moves both clocks forward to the wall time {@code wall}. */
    public ManualClock moveTo(Instant wall) {
        return advance(Duration.ofMillis(wall.toEpochMilli() - wallMillis.get()));
    }

    public ManualClock setWall(Instant wall) {
        wallMillis.set(wall.toEpochMilli());
        return this;
    }
}
