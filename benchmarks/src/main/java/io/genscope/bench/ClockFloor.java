// Run from the repository root: java -jar benchmarks/target/benchmarks.jar ClockFloor
// run.sh runs it in the same JMH invocation as the CallCost benchmarks, so that their targets,
// which are multiples of this floor, mean the same on any machine.
package io.genscope.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The clock's floor: two {@link System#nanoTime()} calls, the least a timing agent must do per
 * intercepted call. Same forks, warm-up and measurement as {@link CallCost}, with no agent. The
 * score includes JMH's own loop (about a nanosecond), as the call-cost scores do.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class ClockFloor {

    /** Their difference goes back to JMH, so neither read can be dropped. */
    @Benchmark
    public long twoClockReads() {
        long start = System.nanoTime();
        return System.nanoTime() - start;
    }

    /** Fails the trial if an agent runs in the fork: the floor is the clock's alone. */
    @TearDown(Level.Trial)
    public void checkFork() {
        ForkCheck.NO_AGENT.verify("none");
    }
}
