package io.genscope.agent.it.hostile;

import io.genscope.agent.it.GenscopeMBeans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An errors list that another thread keeps changing while Genscope reads it costs at most that
 * capture, never the call: every validation is counted, as the host counted it. Before, about
 * one in forty vanished from the counts (a {@code ConcurrentModificationException} inside
 * Genscope), with one ERROR line each.
 */
class ValuesConcurrentMutationIT {

    @TempDir
    Path directory;

    @Test
    void everyValidationOfAListChangedByAnotherThreadIsCounted() throws Exception {
        String[] hostArgs = {"mutated", "40000"};
        List<String> bare;
        try (ValuesHostRun run = ValuesHostRun.withoutAgent(hostArgs)) {
            bare = run.output();
        }
        try (ValuesHostRun run = ValuesHostRun.withAgent(directory, hostArgs)) {
            assertThat(run.output()).as("the host's output with the agent").isEqualTo(bare);
            GenscopeMBeans mBeans = run.mBeans();
            assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "Validations"))
                    .isEqualTo(run.truthCount("validations"));
            assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "ValidationFailures"))
                    .isEqualTo(run.truthCount("failed"));
            assertThat(run.problemLines()).as("Genscope's warnings and errors").hasSizeLessThanOrEqualTo(1);
        }
    }
}
