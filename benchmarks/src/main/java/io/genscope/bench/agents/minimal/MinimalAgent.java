package io.genscope.bench.agents.minimal;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.LongAdder;

import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

/**
 * The practical floor for an agent: Byte Buddy advice, inlined into the same workload methods
 * that {@code benchmarks/configs/calls.yaml} names, that reads the clock on entry and on exit
 * and counts the call ({@link ClockPairAdvice}). Whatever an agent does beyond this is its own
 * bookkeeping; this much every timing agent pays. {@code CallCostMinimalAgent} forks with it.
 * Packaged alone, with Byte Buddy, as {@code benchmarks/target/minimal-agent.jar}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar CallCostMinimalAgent -prof gc
 * </pre>
 *
 * <p>The counter is a {@link LongAdder}, not a plain static {@code long}: a real agent must count
 * every call of every thread, and a plain field would lose increments and, on two threads,
 * bounce its cache line between the cores, which would put a cost into the two-thread figures
 * of the floor that no correct agent would choose. The adder costs one uncontended
 * compare-and-set per call and spreads over per-thread cells once two threads collide.
 */
public final class MinimalAgent {

    /** Calls the advice has timed; a fork's check reads it (by reflection) to prove the advice ran. */
    public static final LongAdder CALLS = new LongAdder();

    private MinimalAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        new AgentBuilder.Default()
                .type(namedOneOf("bench.workload.PlainWork", "bench.workload.FakeGenerator",
                        "bench.workload.FakeValidator"))
                .transform((builder, type, loader, module, domain) ->
                        builder.visit(Advice.to(ClockPairAdvice.class).on(namedOneOf("step", "generate", "validate"))))
                .installOn(instrumentation);
    }

    /**
     * Inlined into each workload method: two {@link System#nanoTime()} reads and one increment.
     * The elapsed time decides whether the call counts (it always does, the clock being
     * monotonic), so that neither read is dead code the compiler could drop.
     */
    public static final class ClockPairAdvice {

        private ClockPairAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static long enter() {
            return System.nanoTime();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void exit(@Advice.Enter long start) {
            if (System.nanoTime() - start >= 0) {
                CALLS.increment();
            }
        }
    }
}
