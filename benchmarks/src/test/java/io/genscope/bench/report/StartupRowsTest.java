package io.genscope.bench.report;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up verdicts: Genscope's added start-up as a multiple of the empty agent's, in the same run. */
class StartupRowsTest {

    @Test
    void genscopeMayAddThreeTimesWhatAnEmptyAgentAdds() {
        Table table = rows(40, 60, 100, 70, 500);
        assertThat(namedMethods(table).measured()).isEqualTo("+60 ms = 3.00 × the empty agent's +20 ms (no agent"
                + " 40 ms, empty agent 60 ms, Genscope 100 ms; OpenTelemetry +460 ms = 23.0 ×)");
        assertThat(namedMethods(table).verdict()).isEqualTo(Verdict.MET);
        assertThat(classesThatNeverLoad(table).verdict()).isEqualTo(Verdict.MET);
    }

    @Test
    void aConfigOfClassesThatNeverLoadMayAddOneAndAHalfTimesWhatAnEmptyAgentAdds() {
        Table table = rows(40, 60, 101, 71, 500);
        assertThat(namedMethods(table).verdict()).isEqualTo("✗ by 0.05 ×");
        assertThat(classesThatNeverLoad(table).verdict()).isEqualTo("✗ by 0.05 ×");
    }

    @Test
    void anEmptyAgentThatAddedNothingLeavesTheTargetUndecided() {
        Table.Row named = namedMethods(rows(40, 39, 100, 45, 500));
        assertThat(named.measured()).isEqualTo("+60 ms; the empty agent -1 ms (no agent 40 ms, empty agent 39 ms,"
                + " Genscope 100 ms; OpenTelemetry +460 ms)");
        assertThat(named.verdict()).isEqualTo(Verdict.undecided("the empty agent added nothing measurable"));
    }

    @Test
    void theMinimalByteBuddyAgentIsGivenForReferenceAsAMultipleOfTheEmptyAgent() {
        Table.Row minimal = minimalAgent(rows(40, 60, 100, 70, 500));
        assertThat(minimal.measured()).isEqualTo("+380 ms = 19.00 × the empty agent's +20 ms (minimal agent 420 ms)");
        assertThat(minimal.target()).isEqualTo(Verdict.NONE);
        assertThat(minimal.verdict()).isEqualTo(Verdict.NONE);
        assertThat(minimalAgent(rows(40, 39, 100, 45, 500)).measured()).isEqualTo("+380 ms (minimal agent 420 ms)");
    }

    private static Table.Row minimalAgent(Table table) {
        return table.find("JVM start-up added, the minimal Byte Buddy advice agent").orElseThrow();
    }

    private static Table.Row namedMethods(Table table) {
        return table.find("JVM start-up added, hello-world main with a config naming its methods").orElseThrow();
    }

    private static Table.Row classesThatNeverLoad(Table table) {
        return table.find("JVM start-up added, the same with a config naming classes that never load").orElseThrow();
    }

    private static Table rows(double none, double empty, double genscope, double unloaded, double otel) {
        Properties measured = new Properties();
        measured.setProperty("runs", "5");
        measured.setProperty("startup.none.ms", Double.toString(none));
        measured.setProperty("startup.empty.ms", Double.toString(empty));
        measured.setProperty("startup.genscope.ms", Double.toString(genscope));
        measured.setProperty("startup.unloaded.ms", Double.toString(unloaded));
        measured.setProperty("startup.minimal.ms", Double.toString(420));
        measured.setProperty("startup.otel.ms", Double.toString(otel));
        Table table = new Table();
        new StartupRows(measured).addTo(table);
        return table;
    }
}
