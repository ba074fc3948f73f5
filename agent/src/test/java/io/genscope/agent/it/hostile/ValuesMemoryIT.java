package io.genscope.agent.it.hostile;

import io.genscope.agent.it.GenscopeMBeans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host's list of any length costs Genscope a bounded copy: a linter returning hundreds of
 * findings per call, or a few calls with a hundred thousand, leave the host's heap after a full
 * collection within a few megabytes of the same run without the agent, and the raw events say
 * that they were cut. Before the bound, 2,000 validations of 500 findings retained +122 MB and
 * 20 of 100,000 +436 MB. Both runs have the JVM's remote JMX on, so only the agent's heap is
 * compared.
 */
class ValuesMemoryIT {

    /** The README's budget for these two runs is 3 MB; the margin absorbs the collector's noise. */
    private static final long MAX_EXTRA_HEAP = 6L << 20;

    @TempDir
    Path directory;

    @Test
    void twoThousandValidationsOfFiveHundredFindingsKeepABoundedHeap() throws Exception {
        assertBoundedHeap("lint", "2000", "500");
    }

    @Test
    void twentyCallsOfAHundredThousandFindingsKeepABoundedHeapAndEventsSayTheyWereCut() throws Exception {
        try (ValuesHostRun run = assertBoundedHeap("lint", "20", "100000")) {
            String events = run.exportedEvents(1000);
            assertThat(events.length()).as("exported events of 20 calls").isLessThan(100_000);
            assertThat(events).contains("\"errorsTruncated\":true", "\"errorsTotal\":100000");
        }
    }

    private ValuesHostRun assertBoundedHeap(String... hostArgs) throws Exception {
        long bare;
        java.util.List<String> bareOutput;
        try (ValuesHostRun run = ValuesHostRun.withRemoteJmxOnly(directory, hostArgs)) {
            bare = run.heapUsed();
            bareOutput = run.output();
        }
        ValuesHostRun run = ValuesHostRun.withAgent(directory, hostArgs);
        assertThat(run.output()).as("the host's output with the agent").isEqualTo(bareOutput);
        GenscopeMBeans mBeans = run.mBeans();
        assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "Validations")).isEqualTo(run.truthCount("validations"));
        assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "ValidationFailures"))
                .isEqualTo(run.truthCount("failed"));
        assertThat(run.heapUsed() - bare).as("heap the agent retains (bytes) over " + bare + " without it")
                .isLessThanOrEqualTo(MAX_EXTRA_HEAP);
        assertThat(run.problemLines()).as("Genscope's warnings and errors").isEmpty();
        return run;
    }
}
