package io.genscope.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Prints the README's performance table: each target of the performance issue, what this run
 * measured and whether it met the target (and by how much it missed), as Markdown, followed by
 * the machine it ran on. {@code benchmarks/run.sh} calls it last with the JMH JSON results and
 * the {@code key=value} file its other measurements wrote.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.genscope.bench.report.PerformanceTable \
 *      benchmarks/target/results/jmh.json benchmarks/target/results/measurements.properties
 * </pre>
 *
 * <p>Costs are differences: a score under Genscope minus the same score with no agent. Per-call
 * targets are multiples of the clock's floor measured in the same run ({@link CallCostRows}),
 * start-up targets multiples of what an empty agent adds ({@link StartupRows}); the minimal
 * advice agent's and OpenTelemetry's figures are shown beside Genscope's. A load average above
 * the cores puts a warning above the table ({@link LoadAverage}).
 */
public final class PerformanceTable {

    private static final double QUERY_TARGET_MICROS = 1000;
    /** How far apart the two query times may be and still count as "the same". */
    private static final double QUERY_SAME_WITHIN = 0.25;
    private static final double JAR_TARGET_MB = 6;
    private static final double HEAP_TARGET_MB = 3;
    /** Heap measured after a full GC still moves by a few hundred kB between runs: growth below this is noise. */
    private static final double HEAP_GROWTH_NOISE_MB = 1;
    private static final double SAMPLE_TARGET_PERCENT = 2;
    private static final double IMPLEMENTS_TARGET_RATIO = 1.1;
    private static final double MB = 1e6;

    private final JmhResults jmh;
    private final Properties measured;
    private final Table table = new Table();

    private PerformanceTable(JmhResults jmh, Properties measured) {
        this.jmh = jmh;
        this.measured = measured;
    }

    /** Every row and warning of the table, from a JMH run's results and run.sh's other measurements. */
    static Table of(JmhResults jmh, Properties measured) {
        PerformanceTable performance = new PerformanceTable(jmh, measured);
        LoadAverage.of(measured).warning().ifPresent(performance.table::warn);
        new CallCostRows(jmh).addTo(performance.table);
        performance.analyticsQuery();
        new StartupRows(measured).addTo(performance.table);
        performance.otherTargets();
        return performance.table;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PerformanceTable <jmh.json> <measurements.properties>");
            System.exit(2);
        }
        Properties measured = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[1]))) {
            measured.load(reader);
        }
        System.out.print(of(JmhResults.read(Path.of(args[0])), measured).markdown());
        System.out.println();
        System.out.println("machine: " + Machine.describe() + "; " + LoadAverage.of(measured).describe());
        System.out.println("commit: " + measured.getProperty("commit", "unknown"));
    }

    private void analyticsQuery() {
        TreeSet<Long> calls = jmh.values("AnalyticsQuery.summary", "calls");
        double few = jmh.score("AnalyticsQuery.summary@calls=" + calls.first()).value();
        double many = jmh.score("AnalyticsQuery.summary@calls=" + calls.last()).value();
        double idleFew = jmh.score("AnalyticsQueryIdleThreads.summary@calls=" + calls.first()).value();
        double idleMany = jmh.score("AnalyticsQueryIdleThreads.summary@calls=" + calls.last()).value();
        double ratio = many / few;
        double slowest = Math.max(Math.max(few, many), Math.max(idleFew, idleMany));
        String verdict = slowest > QUERY_TARGET_MICROS
                ? Verdict.missedBy((slowest - QUERY_TARGET_MICROS) / 1000, "ms")
                : Math.abs(ratio - 1) > QUERY_SAME_WITHIN ? format("✗ not the same (× %.2f)", ratio)
                : Verdict.MET;
        row("analytics summary query", format("≤ 1 ms, the same after 10³ and 10⁷ recorded events (within %.0f %%)",
                        QUERY_SAME_WITHIN * 100),
                format("after %s calls %.1f µs, after %s %.1f µs (× %.2f); with an idle thread attached to each"
                                + " slice: %.1f µs and %.1f µs",
                        count(calls.first()), few, count(calls.last()), many, ratio, idleFew, idleMany),
                verdict);

    }

    private void otherTargets() {
        double jar = number("agent.jar.bytes") / MB;
        row("agent jar", "≤ " + (int) JAR_TARGET_MB + " MB", format("%.2f MB (%,.0f bytes)", jar, number("agent.jar.bytes")),
                Verdict.atMost(jar, JAR_TARGET_MB, "MB"));

        heap();
        threads();

        double none = number("sample.none.ms");
        double percent = (number("sample.genscope.ms") - none) / none * 100;
        row("sample generator wall time, agent vs none (median of " + measured.getProperty("runs") + ")",
                "≤ +" + (int) SAMPLE_TARGET_PERCENT + " %",
                format("%+.1f %% (no agent %.2f s, Genscope %.2f s)", percent, none / 1000,
                        number("sample.genscope.ms") / 1000),
                Verdict.atMost(percent, SAMPLE_TARGET_PERCENT, "%"));

        double byName = number("implements.class.cpu.ms");
        double bySupertype = number("implements.implements.cpu.ms");
        row("sample generator CPU time of the whole JVM, validation rule written with implements: vs class: (median of "
                        + measured.getProperty("runs") + ")", "≤ × " + IMPLEMENTS_TARGET_RATIO,
                format("× %.2f (class: %.2f s, implements: %.2f s; no agent %.2f s)", bySupertype / byName,
                        byName / 1000, bySupertype / 1000, number("implements.none.cpu.ms") / 1000),
                Verdict.atMost(bySupertype / byName, IMPLEMENTS_TARGET_RATIO, "×"));
    }

    private void heap() {
        long[] calls = Stream.of(measured.getProperty("heap.calls").split(",")).mapToLong(Long::parseLong).toArray();
        long few = calls[0];
        long many = calls[calls.length - 1];
        double fewAdded = heapAdded(few);
        double manyAdded = heapAdded(many);
        double growth = manyAdded - fewAdded;
        String verdict = manyAdded > HEAP_TARGET_MB ? Verdict.missedBy(manyAdded - HEAP_TARGET_MB, "MB")
                : growth > HEAP_GROWTH_NOISE_MB ? Verdict.missedBy(growth, "MB") + " (grows)"
                : Verdict.MET;
        row("heap retained after GC, " + count(many) + " calls, default config",
                "≤ +" + (int) HEAP_TARGET_MB + " MB, and not growing with the call count",
                format("%+.2f MB after %s calls, %+.2f MB after %s (growth %+.2f MB)",
                        manyAdded, count(many), fewAdded, count(few), growth),
                verdict);
    }

    private double heapAdded(long calls) {
        return (number("heap.genscope." + calls) - number("heap.none." + calls)) / MB;
    }

    private void threads() {
        int extra = threadCount("genscope") - threadCount("none");
        Set<String> names = threadNames("genscope");
        names.removeAll(threadNames("none"));
        row("threads the agent starts with default settings", "0",
                extra + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")")
                        + "; OpenTelemetry " + (threadCount("otel") - threadCount("none")),
                extra <= 0 ? Verdict.MET : Verdict.missedBy(extra, "thread(s)"));
    }

    private int threadCount(String variant) {
        return (int) Math.max(number("threads." + variant + ".start"), number("threads." + variant + ".after"));
    }

    private Set<String> threadNames(String variant) {
        return new TreeSet<>(List.of(measured.getProperty("threads." + variant + ".names", "").split("\\|")));
    }

    private double number(String key) {
        String value = measured.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no measurement " + key + "; did every step of run.sh run?");
        }
        return Double.parseDouble(value);
    }

    private void row(String what, String target, String value, String verdict) {
        table.row(what, target, value, verdict);
    }

    /** 10³, 10⁷ for powers of ten, else the number with separators. */
    private static String count(long n) {
        String digits = Long.toString(n);
        if (digits.matches("10+")) {
            String superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
            StringBuilder exponent = new StringBuilder();
            for (char c : Integer.toString(digits.length() - 1).toCharArray()) {
                exponent.append(superscripts.charAt(c - '0'));
            }
            return "10" + exponent;
        }
        return format("%,d", n);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
