// Run from the repository root (the fork loads the runtime jar by a path relative to it):
//   java -jar benchmarks/target/benchmarks.jar AnalyticsQuery -prof gc
package io.genscope.bench;

import bench.workload.FakeGenerator;
import bench.workload.FakeValidator;
import bench.workload.GenerationRequest;
import bench.workload.ValidationResult;
import io.genscope.runtime.Genscope;
import io.genscope.runtime.GenscopeRuntime;
import io.genscope.runtime.Role;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.capture.PathRoot;
import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.capture.Step;
import io.genscope.runtime.rule.RuleCaptures;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.store.TelemetrySettings;
import io.genscope.runtime.time.Clock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long the analytics summary (what the Telemetry MBean shows) takes after 10³ and after 10⁷
 * recorded calls. Analytics come from time-sliced aggregates, so the two must cost the same.
 *
 * <p>The runtime runs in-process, no agent: on the boot class path as under the agent, switched on
 * with {@link GenscopeRuntime#start} and fed through the same {@link Genscope#enter}/{@link Genscope#exit}
 * entry points the advice calls (the request in the first argument slot, as the agent binds it). Half the
 * calls are generations (three models, ten projects, one in twenty failing with one of three
 * exception types) and half are validations inside them (one in four failing, forty distinct
 * dependencies). A clock that is moved by hand spreads the calls evenly over the default
 * one-hour window, so the query covers nearly all of its sixty slices, each with its keyed counts.
 *
 * <p>Here one thread records everything, moving from slice to slice, as the threads of a busy
 * generator do; the store sums the past slices once and reuses the sum while nothing changes in
 * them. {@link AnalyticsQueryIdleThreads} leaves an idle thread attached to every slice instead.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = "-Xbootclasspath/a:benchmarks/target/runtime/genscope-runtime.jar")
@State(Scope.Benchmark)
public class AnalyticsQuery {

    private static final int GENERATION = 0;
    private static final int VALIDATION = 1;
    private static final List<RuleDefinition> RULES = List.of(
            new RuleDefinition("generation", Role.GENERATION, new RuleCaptures(
                    path(PathRoot.ARGUMENT, "projectId"), path(PathRoot.THIS, "model"), null,
                    path(PathRoot.ARGUMENT, "prompt", "length"), path(PathRoot.RETURN, "source", "length"),
                    null, null, null, null, null, null)),
            new RuleDefinition("validation", Role.VALIDATION, new RuleCaptures(
                    null, null, null, null, null, null,
                    path(PathRoot.RETURN, "ok"), null, null, null, path(PathRoot.RETURN, "dependencies"))));

    /** Intercepted calls recorded before the queries, half generations and half validations. */
    @Param({"1000", "10000000"})
    public long calls;

    private GenscopeRuntime runtime;
    private final HandClock clock = new HandClock();
    private final Workload workload = new Workload();
    /** The time the recording covers, in nanoseconds. */
    private long span;

    @Setup(Level.Trial)
    public void record() {
        TelemetrySettings settings = TelemetrySettings.defaults();
        runtime = GenscopeRuntime.start(settings, RULES, RuntimeLog.stderr(), "benchmark", "AnalyticsQuery", clock);
        // Two slices short of the window: the recording itself takes real time, which must not
        // push the first slice out of the window.
        span = settings.window().minus(settings.resolution().multipliedBy(2)).toNanos();
        recordAll();
        clock.freeze();
        AnalyticsSummary summary = runtime.summary();
        if (summary.generations() != calls / 2) {
            throw new IllegalStateException("recorded " + calls / 2 + " generations, the summary counts "
                    + summary.generations());
        }
    }

    /** Records the {@link #calls} on the benchmark's thread, which moves from slice to slice as the clock does. */
    protected void recordAll() {
        recordRange(0, calls);
    }

    /** Records calls {@code from} (inclusive) to {@code to} (exclusive), even numbers, at their times. */
    protected final void recordRange(long from, long to) {
        for (long i = from; i < to; i += 2) {
            clock.advanceTo(offsetOf(i));
            workload.generationWithValidation(i / 2);
        }
    }

    /** How far into the recording call {@code i} is made, in nanoseconds. */
    protected final long offsetOf(long i) {
        return (long) ((double) span * i / calls);
    }

    @Benchmark
    public AnalyticsSummary summary() {
        return runtime.summary();
    }

    @TearDown(Level.Trial)
    public void stop() {
        Genscope.uninstall();
    }

    private static PropertyPath path(PathRoot root, String... steps) {
        return PropertyPath.of(root, 0, Arrays.stream(steps).map(name -> new Step(name, false)).toList());
    }

    /** The calls the advice would report for a small generator, varied enough to fill the keyed counts. */
    private static final class Workload {

        private final FakeGenerator[] generators = {
            new FakeGenerator("codex-mini"), new FakeGenerator("codex-pro"), new FakeGenerator("codex-max"),
        };
        private final GenerationRequest[] requests = new GenerationRequest[10];
        private final ValidationResult[] results = new ValidationResult[40];
        private final RuntimeException[] failures = {
            new IllegalStateException("model busy"), new UncheckedIOException(new IOException("timeout")),
            new IllegalArgumentException("prompt too long"),
        };
        private final FakeValidator validator = new FakeValidator();

        Workload() {
            for (int i = 0; i < requests.length; i++) {
                requests[i] = new GenerationRequest("project-" + i, "Write class number " + i + " ".repeat(i * 10));
            }
            for (int i = 0; i < results.length; i++) {
                results[i] = new ValidationResult(i % 4 != 0, List.of("dep.d" + i, "dep.d" + (i * 7 % results.length)));
            }
        }

        /** One generation holding one validation: two intercepted calls, as the advice would report them. */
        void generationWithValidation(long n) {
            FakeGenerator generator = generators[(int) (n % generators.length)];
            GenerationRequest request = requests[(int) (n % requests.length)];
            long generation = Genscope.enter(GENERATION, generator, request, null, null);
            long validation = Genscope.enter(VALIDATION, validator, null, null, null);
            Genscope.exit(VALIDATION, validation, validator, null, null, null,
                    results[(int) (n % results.length)], null);
            if (n % 20 == 0) {
                Genscope.exit(GENERATION, generation, generator, request, null, null,
                        null, failures[(int) (n / 20 % failures.length)]);
            } else {
                Genscope.exit(GENERATION, generation, generator, request, null, null,
                        generator.generate(request), null);
            }
        }
    }

    /**
     * The JVM's clocks pushed forward by hand: the recording loop moves both by the same offset
     * between calls, so calls land in successive slices whichever clock the store slices by,
     * while durations within a call stay real. Frozen once recording ends, so that every query
     * sees the same window however long the benchmark runs.
     */
    private static final class HandClock implements Clock {

        private static final long RUNNING = Long.MIN_VALUE;

        private final long originNanos = System.nanoTime();
        private final long originMillis = System.currentTimeMillis();
        private volatile long offsetNanos;
        private volatile long frozenNanos = RUNNING;

        void advanceTo(long nanos) {
            offsetNanos = nanos;
        }

        void freeze() {
            frozenNanos = monotonicNanos();
        }

        @Override
        public long wallMillis() {
            return originMillis + (monotonicNanos() - originNanos) / 1_000_000;
        }

        @Override
        public long monotonicNanos() {
            long frozen = frozenNanos;
            return frozen != RUNNING ? frozen : System.nanoTime() + offsetNanos;
        }
    }
}
