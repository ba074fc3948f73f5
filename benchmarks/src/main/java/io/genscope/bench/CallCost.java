// Run from the repository root (the forks name the agent jars by paths relative to it):
//   java -jar benchmarks/target/benchmarks.jar CallCost -prof gc
// or the whole suite with the table: benchmarks/run.sh
package io.genscope.bench;

import bench.workload.FakeGenerator;
import bench.workload.FakeValidator;
import bench.workload.GeneratedSource;
import bench.workload.GenerationRequest;
import bench.workload.PlainWork;
import bench.workload.ValidationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.concurrent.TimeUnit;

/**
 * The time an agent adds to one call of an instrumented method, for each kind of rule in
 * {@code benchmarks/configs/calls.yaml}, on one thread and on two threads calling the same rule.
 *
 * <p>The subclasses differ only in the JVM arguments of their forks: {@link CallCostNoAgent},
 * {@link CallCostGenscope}, {@link CallCostMinimalAgent} (the practical floor for an agent) and
 * {@link CallCostOtel}; {@link ClockFloor} gives the clock's floor they are compared with. An
 * agent's cost per call is its score minus the no-agent score of the same benchmark;
 * {@code -prof gc} gives the allocation per call the same way ({@code gc.alloc.rate.norm}). Every
 * benchmark calls the workload through the same path and returns its result to JMH, so the calls
 * cannot be optimised away in any of them.
 *
 * <p><b>Note:</b> a fork whose agent did not start or did not instrument the workload would
 * measure the bare workload and look free; each subclass checks its fork at the end of the trial
 * ({@link ForkCheck}) and fails the benchmark instead.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public abstract class CallCost {

    private final PlainWork plain = new PlainWork();
    private final FakeGenerator generator = new FakeGenerator("codex-bench");
    private final FakeValidator validator = new FakeValidator();
    private final GenerationRequest request = new GenerationRequest("project-7", "Write a class that parses a CSV line");
    /** Made here, not by the generator: a fork must call no instrumented method but its benchmark's. */
    private final GeneratedSource source = new GeneratedSource("import java.util.List;\nclass B { }");
    private long step;

    /** A call of the timing-only rule. */
    @Benchmark
    public long timing() {
        return plain.step(step++);
    }

    /** A call of the generation rule, which captures project, model, prompt length and code length. */
    @Benchmark
    public GeneratedSource generation() {
        return generator.generate(request);
    }

    /** A call of the validation rule, which captures the ok flag and the detected dependencies. */
    @Benchmark
    public ValidationResult validation() {
        return validator.validate(source);
    }

    @Benchmark
    @Threads(2)
    public long timingTwoThreads() {
        return timing();
    }

    @Benchmark
    @Threads(2)
    public GeneratedSource generationTwoThreads() {
        return generation();
    }

    @Benchmark
    @Threads(2)
    public ValidationResult validationTwoThreads() {
        return validation();
    }

    /**
     * Fails the trial unless its fork runs with the agent the subclass stands for and that agent
     * intercepted the method of the rule the benchmark calls.
     */
    @TearDown(Level.Trial)
    public void checkFork(BenchmarkParams params) {
        forkCheck().verify(ruleOf(params.getBenchmark()));
    }

    /** {@code ….CallCostGenscope.timingTwoThreads} calls the rule {@code timing}. */
    static String ruleOf(String benchmark) {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1).replace("TwoThreads", "");
    }

    protected abstract ForkCheck forkCheck();
}
