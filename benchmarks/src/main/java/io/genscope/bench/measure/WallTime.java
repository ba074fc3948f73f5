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
 * for each variant; when the processes report their own CPU time ({@link CpuOnExit}), also
 * {@code <prefix>.<variant>.cpu.ms=<median>} and {@code <prefix>.<variant>.cpu.samples=<ms,…>}.
 * A process that exits non-zero stops the measurement with its output.
 */
public final class WallTime {

    private static final String SEPARATOR = "---";
    private static final String CPU_LINE = "process.cpu.ms=";

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
        Map<String, List<Double>> cpuSamples = new LinkedHashMap<>();
        variants.forEach((name, command) -> samples.put(name, new ArrayList<>()));
        for (int round = -1; round < runs; round++) {
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                Sample sample = time(variant.getKey(), variant.getValue());
                if (round >= 0) {
                    samples.get(variant.getKey()).add(sample.wallMillis());
                    if (sample.cpuMillis() >= 0) {
                        cpuSamples.computeIfAbsent(variant.getKey(), any -> new ArrayList<>()).add(sample.cpuMillis());
                    }
                }
            }
        }
        samples.forEach((name, times) -> print(prefix + "." + name, times));
        cpuSamples.forEach((name, times) -> print(prefix + "." + name + ".cpu", times));
    }

    private static void print(String key, List<Double> times) {
        System.out.printf("%s.ms=%.1f%n", key, median(times));
        System.out.printf("%s.samples=%s%n", key,
                times.stream().map(t -> String.format("%.0f", t)).collect(Collectors.joining(",")));
    }

    /** One run: its wall time, and the CPU time it reported ({@link CpuOnExit}), or -1. */
    private record Sample(double wallMillis, double cpuMillis) {
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

    private static Sample time(String name, List<String> command) throws IOException, InterruptedException {
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
            return new Sample(millis, reportedCpu(Files.readAllLines(output.toPath())));
        } finally {
            Files.deleteIfExists(output.toPath());
        }
    }

    private static double reportedCpu(List<String> output) {
        return output.stream().filter(line -> line.startsWith(CPU_LINE))
                .mapToDouble(line -> Double.parseDouble(line.substring(CPU_LINE.length()))).findFirst().orElse(-1);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
