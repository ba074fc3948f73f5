package io.genscope.runtime.time;

/**
 * The two clocks the store needs: wall time places events in time slices, monotonic time
 * measures durations. Injected everywhere so tests drive a manual clock instead of sleeping.
 *
 * <p>Implementations must be thread-safe; {@link #system()} is, and costs one native call each.
 */
public interface Clock {

    /** Milliseconds since the epoch; decides which time slice an event lands in. */
    long wallMillis();

    /** Nanoseconds from an arbitrary origin; only differences are meaningful. */
    long monotonicNanos();

    /** The JVM's own clocks. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
