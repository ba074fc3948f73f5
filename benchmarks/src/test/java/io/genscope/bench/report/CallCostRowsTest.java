package io.genscope.bench.report;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-call verdicts, from a JMH result file written by hand ({@code call-cost.json}): floor
 * 40 ns; Genscope adds 65 ns to timing (the floor + 25 exactly), 101 ns to generation (the
 * 2.5 × floor limit is 100), 80 ns to validation (2 × floor exactly); OpenTelemetry adds 5 ×,
 * 4.85 × and 5 × that; two threads on timing take 1.00 × and 1.40 × one thread in their two
 * forks (1.20 × on average); generation allocates 8 B more than with no agent.
 */
class CallCostRowsTest {

    private Path fixture;
    private Table table;

    @BeforeEach
    void readFixture() throws IOException, URISyntaxException {
        fixture = Path.of(getClass().getResource("call-cost.json").toURI());
        table = rows(fixture);
    }

    @Test
    void theFloorComesFromTheSameRun() {
        assertThat(row("clock floor").measured()).isEqualTo("40.0 ± 0.4 ns");
    }

    @Test
    void timingMeetsItsTargetAtExactlyTheFloorPlus25Nanoseconds() {
        Table.Row timing = row("added per call, timing-only rule");
        assertThat(timing.target()).isEqualTo("≤ floor + 25 ns (65.0 ns in this run)");
        assertThat(timing.measured()).startsWith("+65.0 ± 1.0 ns = 1.63 × floor (no agent 1.0 ns, Genscope 66.0 ns;"
                + " minimal advice agent +52.0 ± 1.0 ns = 1.30 × floor; OpenTelemetry +325.0 ± 5.0 ns = 8.13 × floor)");
        assertThat(timing.verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void generationMissesTwoAndAHalfFloorsByOneNanosecond() {
        Table.Row generation = row("added per call, generation rule");
        assertThat(generation.target()).isEqualTo("≤ 2.5 × floor (100.0 ns in this run)");
        assertThat(generation.verdict()).isEqualTo("✗ by 1.0 ns");
    }

    @Test
    void validationMeetsTwoFloors() {
        assertThat(row("added per call, validation rule").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void theTargetsMoveWithTheFloor(@TempDir Path directory) throws IOException {
        Path slowerClock = directory.resolve("floor-20.json");
        Files.writeString(slowerClock, Files.readString(fixture)
                .replace("\"score\": 40.0, \"scoreError\": 0.4", "\"score\": 20.0, \"scoreError\": 0.4"));
        Table fasterFloor = rows(slowerClock);
        assertThat(find(fasterFloor, "added per call, timing-only rule").verdict()).isEqualTo("✗ by 20.0 ns");
        assertThat(find(fasterFloor, "added per call, validation rule").verdict()).isEqualTo("✗ by 40.0 ns");
    }

    @Test
    void everyRuleMustBeFiveTimesCheaperThanOpenTelemetry() {
        assertThat(row("OpenTelemetry's added cost over Genscope's, timing").verdict()).isEqualTo(Verdict.MET);
        Table.Row generation = row("OpenTelemetry's added cost over Genscope's, generation");
        assertThat(generation.measured()).startsWith("4.85 × (OpenTelemetry +490.0 ns, Genscope +101.0 ns)");
        assertThat(generation.verdict()).isEqualTo("✗ by 0.15 ×");
        assertThat(row("OpenTelemetry's added cost over Genscope's, validation").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void theWorstForkDecidesTheTwoThreadVerdictEvenWhenTheAverageWouldPass() {
        Table.Row timing = row("the same with 2 threads on the same rule: timing");
        assertThat(timing.measured()).startsWith("worst fork 1.40 × (forks: 1.00, 1.40); all forks +78.0");
        assertThat(timing.verdict()).isEqualTo("✗ by 0.15 ×");
        assertThat(row("the same with 2 threads on the same rule: generation").verdict()).isEqualTo(Verdict.MET);
        assertThat(row("the same with 2 threads on the same rule: validation").verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void anyAllocationOverTheNoAgentRunMissesZeroBytes() {
        assertThat(row("allocation per call on the success path (`-prof gc`): timing").verdict()).isEqualTo(Verdict.MET);
        assertThat(row("allocation per call on the success path (`-prof gc`): generation").verdict())
                .isEqualTo("✗ by 7.0 B/op");
        assertThat(row("allocation per call on the success path (`-prof gc`): validation").verdict())
                .isEqualTo(Verdict.MET);
    }

    private Table.Row row(String prefix) {
        return find(table, prefix);
    }

    private static Table.Row find(Table table, String prefix) {
        return table.find(prefix).orElseThrow(() -> new AssertionError("no row " + prefix + " in " + table.markdown()));
    }

    private static Table rows(Path json) throws IOException {
        Table table = new Table();
        new CallCostRows(JmhResults.read(json)).addTo(table);
        return table;
    }
}
