package io.genscope.agent.it.fleet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A scrape in Prometheus' text format (0.0.4), read the way Prometheus reads it: every sample
 * line as name, labels (values unescaped) and value, and the {@code # TYPE} of each family.
 * Strict: a line it cannot read fails the test instead of being skipped.
 */
record PrometheusText(List<Series> series, Map<String, String> types) {

    /** One sample line: {@code name{label="value",...} value}. */
    record Series(String name, Map<String, String> labels, double value) {

        String label(String label) {
            return labels.get(label);
        }
    }

    static PrometheusText parse(String text) {
        List<Series> series = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                types.put(parts[2], parts[3]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                series.add(sampleLine(line));
            }
        }
        return new PrometheusText(List.copyOf(series), types);
    }

    List<Series> named(String name) {
        return series.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The sum of the values of {@code name}'s series that {@code filter} keeps. */
    double sum(String name, Predicate<Series> filter) {
        return named(name).stream().filter(filter).mapToDouble(Series::value).sum();
    }

    /** The sum of the values of {@code name}'s series whose {@code label} is {@code value}. */
    double sum(String name, String label, String value) {
        return sum(name, s -> value.equals(s.label(label)));
    }

    /** {@code name}'s values summed by the value of {@code label}, leaving out zeros. */
    Map<String, Long> sumBy(String name, String label) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (Series s : named(name)) {
            sums.merge(s.label(label), (long) s.value(), Long::sum);
        }
        sums.values().removeIf(sum -> sum == 0);
        return sums;
    }

    private static Series sampleLine(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (brace < 0 || space < brace) {
            return new Series(line.substring(0, space), Map.of(), Double.parseDouble(line.substring(space + 1).strip()));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int i = brace + 1;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf("=\"", i);
            String label = line.substring(i, equals);
            StringBuilder value = new StringBuilder();
            i = equals + 2;
            for (char c = line.charAt(i); c != '"'; c = line.charAt(++i)) {
                if (c == '\\') {
                    char escaped = line.charAt(++i);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            if (labels.put(label, value.toString()) != null) {
                throw new AssertionError("label " + label + " twice in: " + line);
            }
            i++;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        String value = line.substring(i + 1).strip();
        return new Series(line.substring(0, brace), labels, Double.parseDouble(value.split(" ")[0]));
    }
}
