package io.genscope.agent.it.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of a scrape in Prometheus' text format, read back for a test to sum. */
record Exposition(List<Exposition.Series> series) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    record Series(String name, Map<String, String> labels, double value) {
    }

    static Exposition parse(String text) {
        List<Series> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("not a sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            series.add(new Series(sample.group(1), labels, Double.parseDouble(sample.group(3).replace("Inf", "Infinity"))));
        }
        return new Exposition(series);
    }

    /** The sum of {@code name}'s series whose labels {@code match}. */
    long sum(String name, Predicate<Map<String, String>> match) {
        return Math.round(series.stream().filter(s -> s.name().equals(name) && match.test(s.labels()))
                .mapToDouble(Series::value).sum());
    }

    long sum(String name, String label, String value) {
        return sum(name, labels -> value.equals(labels.get(label)));
    }

    /** {@code name}'s series summed by the value of {@code label}, leaving out zeros. */
    Map<String, Long> sumBy(String name, String label) {
        Map<String, Long> sums = new LinkedHashMap<>();
        series.stream().filter(s -> s.name().equals(name))
                .forEach(s -> sums.merge(s.labels().get(label), Math.round(s.value()), Long::sum));
        sums.values().removeIf(sum -> sum == 0);
        return sums;
    }
}
