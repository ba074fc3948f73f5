package io.genscope.bench.measure;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Times whole processes, for what no JMH fork can show: the start-up an agent adds and the wall
 * time of the sample generator under it. Each variant runs once untimed (to warm the file
 * cache), then {@code runs} times; the rounds interleave the variants so that a machine getting
 * busier or quieter affects them alike.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.genscope.bench.measure.WallTime startup 5 \
 *      none java -cp benchmarks/target/benchmarks.jar bench.host.HelloWorld --- \
 *      genscope java -javaagent:agent/target/genscope-agent.jar=config=benchmarks/configs/hello.yaml \
 *               -cp benchmarks/target/benchmarks.jar bench.host.HelloWorld
 * </pre>
 * Prints {@code <prefix>.<variant>.ms=<median>} and {@code <prefix>.<variant>.samples=<ms,…>}
 * for each variant. A process that exits non-zero stops the measurement with its output.
 */
public final class WallTime {

    private static final String SEPARATOR = "---";

    private WallTime() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 4) {
            System.err.println("usage: WallTime <prefix> <runs> <variant> <command...> [--- <variant> <command...>]...");
            System.exit(2);
        }
        String prefix = args[0];
        int runs = Integer.parseInt(args[1]);
        Map<String, List<String>> variants = variants(Arrays.asList(args).subList(2, args.length));
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        variants.forEach((name, command) -> samples.put(name, new ArrayList<>()));
        for (int round = -1; round < runs; round++) {
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                double millis = time(variant.getKey(), variant.getValue());
                if (round >= 0) {
                    samples.get(variant.getKey()).add(millis);
                }
            }
        }
        samples.forEach((name, times) -> {
            System.out.printf("%s.%s.ms=%.1f%n", prefix, name, median(times));
            System.out.printf("%s.%s.samples=%s%n", prefix, name,
                    times.stream().map(t -> String.format("%.0f", t)).collect(Collectors.joining(",")));
        });
    }

    /** Splits {@code name cmd… --- name cmd…} into named commands, in order. */
    private static Map<String, List<String>> variants(List<String> args) {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        int from = 0;
        while (from < args.size()) {
            int to = args.subList(from, args.size()).indexOf(SEPARATOR);
            to = to < 0 ? args.size() : from + to;
            if (to - from < 2) {
                throw new IllegalArgumentException("a variant needs a name and a command: " + args.subList(from, to));
            }
            variants.put(args.get(from), args.subList(from + 1, to));
            from = to + 1;
        }
        return variants;
    }

    private static double time(String name, List<String> command) throws IOException, InterruptedException {
        File output = File.createTempFile("walltime-" + name, ".log");
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
            process.getOutputStream().close();
            int exit = process.waitFor();
            double millis = (System.nanoTime() - start) / 1e6;
            if (exit != 0) {
                System.err.println(Files.readString(output.toPath()));
                throw new IllegalStateException(name + " exited with " + exit + ": " + String.join(" ", command));
            }
            return millis;
        } finally {
            Files.deleteIfExists(output.toPath());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
