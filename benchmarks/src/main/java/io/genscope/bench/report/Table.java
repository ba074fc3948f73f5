package io.genscope.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of the performance table, in the order they were added, and the warnings printed
 * above it; printed as Markdown. Each section of the table adds its own rows.
 */
final class Table {

    private final List<Row> rows = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** One row: what was measured, its target, the figures, and ✓, ✗ with the miss, or — when no target applies. */
    record Row(String what, String target, String measured, String verdict) {
    }

    void row(String what, String target, String measured, String verdict) {
        rows.add(new Row(what, target, measured, verdict));
    }

    /** A line printed in bold above the table, such as the load average being too high for the figures to hold. */
    void warn(String warning) {
        warnings.add(warning);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The first row whose "what" starts with {@code prefix}. */
    Optional<Row> find(String prefix) {
        return rows.stream().filter(row -> row.what().startsWith(prefix)).findFirst();
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        warnings.forEach(warning -> out.append("**").append(warning).append("**\n\n"));
        out.append("| what | target | measured | verdict |\n|---|---|---|---|\n");
        rows.forEach(row -> out.append("| ").append(String.join(" | ", row.what(), row.target(), row.measured(),
                row.verdict())).append(" |\n"));
        return out.toString();
    }
}
