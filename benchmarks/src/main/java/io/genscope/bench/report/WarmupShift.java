package io.genscope.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How much OpenTelemetry's per-call scores moved between a shorter and a longer JMH warm-up
 * ({@code benchmarks/run.sh --otel-warmup-check}): the comparison with Genscope is fair only if
 * the suite's warm-up is long enough for OpenTelemetry's figure to have settled.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.genscope.bench.report.WarmupShift \
 *      "-wi 5 -w 1s" short.json "-wi 15 -w 2s" long.json
 * </pre>
 */
public final class WarmupShift {

    private static final List<String> BENCHMARKS = List.of(
            "CallCostOtel.timing", "CallCostOtel.generation", "CallCostOtel.validation");

    private WarmupShift() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: WarmupShift <short warm-up> <short.json> <long warm-up> <long.json>");
            System.exit(2);
        }
        System.out.print(markdown(args[0], JmhResults.read(Path.of(args[1])), args[2], JmhResults.read(Path.of(args[3]))));
    }

    static String markdown(String shortWarmup, JmhResults shorter, String longWarmup, JmhResults longer) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "| OpenTelemetry, one thread | warm-up %s | warm-up %s | moved |%n|---|---|---|---|%n",
                shortWarmup, longWarmup));
        for (String benchmark : BENCHMARKS) {
            Estimate before = shorter.score(benchmark);
            Estimate after = longer.score(benchmark);
            Estimate moved = after.minus(before);
            out.append(String.format(Locale.ROOT, "| %s | %s ns | %s ns | %s ns (%+.1f %%) |%n", benchmark,
                    before.plain(".1f"), after.plain(".1f"), moved.signed(".1f"), moved.value() / before.value() * 100));
        }
        return out.toString();
    }
}
