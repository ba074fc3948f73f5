package io.genscope.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;

/**
 * The per-call rows of the performance table, judged against the clock's floor measured in the
 * same JMH run ({@code ClockFloor.twoClockReads}), so that the targets mean the same on any
 * machine (issue 14). Every figure is shown as the nanoseconds an agent adds over the no-agent
 * score of the same benchmark and as a multiple of the floor; Genscope's beside the module's
 * minimal advice agent (the practical floor for an agent) and OpenTelemetry's.
 *
 * <p>The two-thread target holds in every fork, not on average: the worst fork decides, from
 * the per-fork raw data of JMH's JSON.
 */
final class CallCostRows {

    static final String FLOOR = "ClockFloor.twoClockReads";
    private static final String NO_AGENT = "CallCostNoAgent";
    private static final String GENSCOPE = "CallCostGenscope";
    private static final String MINIMAL = "CallCostMinimalAgent";
    private static final String OTEL = "CallCostOtel";
    /** Genscope's figure times this must not exceed OpenTelemetry's, rule by rule. */
    static final double CHEAPER_THAN_OTEL = 5;
    static final double THREAD_RATIO = 1.25;

    /** A rule of {@code benchmarks/configs/calls.yaml}, its benchmark and its floor-relative target. */
    enum Rule {
        TIMING("timing", "timing-only rule", "≤ floor + 25 ns", floor -> floor + 25),
        GENERATION("generation", "generation rule with captures (project, model, prompt length, code length)",
                "≤ 2.5 × floor", floor -> 2.5 * floor),
        VALIDATION("validation", "validation rule (ok flag, detected dependencies)", "≤ 2 × floor", floor -> 2 * floor);

        final String benchmark;
        final String label;
        final String target;
        private final DoubleUnaryOperator limit;

        Rule(String benchmark, String label, String target, DoubleUnaryOperator limit) {
            this.benchmark = benchmark;
            this.label = label;
            this.target = target;
            this.limit = limit;
        }

        /** The most Genscope may add per call, in ns, given the floor of this run. */
        double limit(double floorNanos) {
            return limit.applyAsDouble(floorNanos);
        }
    }

    private final JmhResults jmh;
    private final Estimate floor;

    CallCostRows(JmhResults jmh) {
        this.jmh = jmh;
        this.floor = jmh.score(FLOOR);
    }

    void addTo(Table table) {
        table.row("clock floor: two `System.nanoTime()` calls, no agent, same run (`ClockFloor`)", Verdict.NONE,
                floor.plain(".1f") + " ns", Verdict.NONE);
        for (Rule rule : Rule.values()) {
            perCall(table, rule);
        }
        for (Rule rule : Rule.values()) {
            againstOpenTelemetry(table, rule);
        }
        for (Rule rule : Rule.values()) {
            twoThreads(table, rule);
        }
        for (Rule rule : Rule.values()) {
            allocation(table, rule);
        }
    }

    private void perCall(Table table, Rule rule) {
        Estimate genscope = added(GENSCOPE, rule.benchmark);
        double limit = rule.limit(floor.value());
        table.row("added per call, " + rule.label, rule.target + format(" (%.1f ns in this run)", limit),
                relative(genscope) + " (no agent " + plain(jmh.score(NO_AGENT + "." + rule.benchmark))
                        + " ns, Genscope " + plain(jmh.score(GENSCOPE + "." + rule.benchmark))
                        + " ns; minimal advice agent " + relative(added(MINIMAL, rule.benchmark))
                        + "; OpenTelemetry " + relative(added(OTEL, rule.benchmark)) + ")",
                Verdict.atMost(genscope.value(), limit, "ns"));
    }

    private void againstOpenTelemetry(Table table, Rule rule) {
        double genscope = added(GENSCOPE, rule.benchmark).value();
        double otel = added(OTEL, rule.benchmark).value();
        String verdict = genscope <= 0 ? Verdict.undecided("Genscope added nothing measurable")
                : Verdict.atLeast(otel / genscope, CHEAPER_THAN_OTEL, "×");
        table.row("OpenTelemetry's added cost over Genscope's, " + rule.benchmark,
                format("≥ %.0f × (same run)", CHEAPER_THAN_OTEL),
                format("%.2f × (OpenTelemetry %+.1f ns, Genscope %+.1f ns)", otel / genscope, otel, genscope), verdict);
    }

    /**
     * Two threads calling the same rule: each fork's added cost (its mean minus the no-agent
     * two-thread score) over the one-thread added cost. The worst fork decides.
     */
    private void twoThreads(Table table, Rule rule) {
        String both = rule.benchmark + "TwoThreads";
        double oneThread = added(GENSCOPE, rule.benchmark).value();
        double baseline = jmh.score(NO_AGENT + "." + both).value();
        List<Double> ratios = jmh.forkMeans(GENSCOPE + "." + both).stream()
                .map(mean -> (mean - baseline) / oneThread)
                .toList();
        double worst = ratios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        String verdict = oneThread <= 0 ? Verdict.undecided("the 1-thread figure is not above zero")
                : ratios.isEmpty() ? Verdict.undecided("no per-fork data in the JMH results")
                : Verdict.atMost(worst, THREAD_RATIO, "×");
        table.row("the same with 2 threads on the same rule: " + rule.benchmark,
                "≤ " + THREAD_RATIO + " × the 1-thread figure, in every fork",
                format("worst fork %.2f × (forks: %s); all forks %s; minimal advice agent %s; OpenTelemetry %s",
                        worst, ratios.stream().map(ratio -> format("%.2f", ratio)).collect(Collectors.joining(", ")),
                        relative(added(GENSCOPE, both)), relative(added(MINIMAL, both)), relative(added(OTEL, both))),
                verdict);
    }

    private void allocation(Table table, Rule rule) {
        Estimate allocated = allocated(GENSCOPE, rule.benchmark);
        table.row("allocation per call on the success path (`-prof gc`): " + rule.benchmark,
                "0 B/op (below 1 B/op, the profiler's resolution)",
                allocated.signed(".1f") + " B/op (minimal advice agent " + allocated(MINIMAL, rule.benchmark).signed(".1f")
                        + " B/op; OpenTelemetry " + allocated(OTEL, rule.benchmark).signed(".0f") + " B/op)",
                Verdict.below(allocated.value(), 1, "B/op"));
    }

    /** {@code +88.0 ± 2.1 ns = 2.59 × floor}. */
    private String relative(Estimate added) {
        return added.signed(".1f") + " ns = " + format("%.2f", added.value() / floor.value()) + " × floor";
    }

    private Estimate added(String agent, String benchmark) {
        return jmh.score(agent + "." + benchmark).minus(jmh.score(NO_AGENT + "." + benchmark));
    }

    private Estimate allocated(String agent, String benchmark) {
        return jmh.allocation(agent + "." + benchmark).minus(jmh.allocation(NO_AGENT + "." + benchmark));
    }

    private static String plain(Estimate estimate) {
        return format("%.1f", estimate.value());
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
