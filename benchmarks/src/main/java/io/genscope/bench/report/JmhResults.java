package io.genscope.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;

/**
 * The scores of a JMH run read from its {@code -rf json} file, by short name: the benchmark's
 * class and method ({@code CallCostGenscope.generation}), plus {@code @name=value} for a
 * parameter ({@code AnalyticsQuery.summary@calls=1000}).
 */
final class JmhResults {

    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private final Map<String, Estimate> scores = new HashMap<>();
    private final Map<String, Estimate> allocations = new HashMap<>();
    private final Map<String, List<Double>> forkMeans = new HashMap<>();
    private final Map<String, TreeSet<Long>> parameters = new HashMap<>();

    static JmhResults read(Path json) throws IOException {
        JmhResults results = new JmhResults();
        for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
            String benchmark = run.get("benchmark").asText();
            String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            JsonNode params = run.path("params");
            for (var param = params.fields(); param.hasNext(); ) {
                var entry = param.next();
                results.parameters.computeIfAbsent(name + "@" + entry.getKey(), key -> new TreeSet<>())
                        .add(entry.getValue().asLong());
                name += "@" + entry.getKey() + "=" + entry.getValue().asText();
            }
            results.scores.put(name, estimate(run.get("primaryMetric")));
            results.forkMeans.put(name, forkMeans(run.path("primaryMetric").path("rawData")));
            JsonNode allocation = run.path("secondaryMetrics").path(ALLOCATION);
            if (!allocation.isMissingNode()) {
                results.allocations.put(name, estimate(allocation));
            }
        }
        return results;
    }

    /** JMH's raw data holds one array of iteration scores per fork. */
    private static List<Double> forkMeans(JsonNode rawData) {
        List<Double> means = new ArrayList<>();
        for (JsonNode fork : rawData) {
            double sum = 0;
            for (JsonNode iteration : fork) {
                sum += iteration.asDouble();
            }
            if (fork.size() > 0) {
                means.add(sum / fork.size());
            }
        }
        return means;
    }

    private static Estimate estimate(JsonNode metric) {
        return new Estimate(metric.get("score").asDouble(), metric.get("scoreError").asDouble(Double.NaN));
    }

    /** The primary score of {@code name}, in the unit the benchmark declares. */
    Estimate score(String name) {
        return found(scores, name);
    }

    /** The mean score of each fork of {@code name}, in fork order (empty when the file has no raw data). */
    List<Double> forkMeans(String name) {
        return found(forkMeans, name);
    }

    /** Bytes allocated per operation ({@code -prof gc}). */
    Estimate allocation(String name) {
        return found(allocations, name);
    }

    /** The values a parameter took, ascending: {@code values("AnalyticsQuery.summary", "calls")}. */
    TreeSet<Long> values(String benchmark, String parameter) {
        return found(parameters, benchmark + "@" + parameter);
    }

    private static <T> T found(Map<String, T> map, String name) {
        T value = map.get(name);
        if (value == null) {
            throw new NoSuchElementException("no result for " + name + " in the JMH results; did every benchmark run?");
        }
        return value;
    }
}
