package io.genscope.agent.it.hostile;

import io.genscope.agent.it.GenscopeMBeans;
import io.genscope.agent.it.OpenData;
import io.genscope.agent.it.hostile.hosts.ValuesHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.openmbean.CompositeData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Genscope reads values of known types only and never asks a host object for its text: a cyclic
 * list as dependencies is refused (it overflowed the stack inside Genscope on every call, with
 * one ERROR line each, and the calls went uncounted), a map yields its keys (its text dump, spec
 * content included, was the dependency), and a model whose {@code toString} blocks and throws is
 * never called (it blocked every generation for 2 s).
 */
class ValuesKnownTypesIT {

    @TempDir
    Path directory;

    @Test
    void aCyclicListAsDependenciesIsRefusedOnceAndEveryGenerationIsCounted() throws Exception {
        try (ValuesHostRun run = runBothWays("cyclic", "100000")) {
            GenscopeMBeans mBeans = run.mBeans();
            assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "Generations"))
                    .isEqualTo(run.truthCount("generations"));
            assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "GenerationSuccesses"))
                    .isEqualTo(run.truthCount("generations"));
            CompositeData rule = rule(mBeans, "generate");
            assertThat((Long) rule.get("captureFailures")).isEqualTo(run.truthCount("generations"));
            assertThat((String) rule.get("lastCaptureFailure")).contains("java.util.ArrayList");
            assertThat(run.problemLines()).as("Genscope's warnings and errors").hasSize(1);
            assertThat(run.problemLines().get(0)).contains("capture.dependencies", "java.util.ArrayList");
        }
    }

    @Test
    void aMapAsDependenciesYieldsItsKeysAndNothingOfItsValues() throws Exception {
        try (ValuesHostRun run = runBothWays("map", "1000")) {
            GenscopeMBeans mBeans = run.mBeans();
            long generations = run.truthCount("generations");
            Map<String, Long> expected = Arrays.stream(run.truth().get("keys").split(","))
                    .collect(Collectors.toMap(key -> key, key -> generations));
            assertThat(OpenData.<Long>map(mBeans.attribute(GenscopeMBeans.TELEMETRY, "DependencyUsage")))
                    .isEqualTo(expected);
            assertThat(run.exportedEvents(10_000)).contains("com.acme:web").doesNotContain(ValuesHost.SPEC_MARKER);
            assertThat(run.problemLines()).as("Genscope's warnings and errors").isEmpty();
        }
    }

    @Test
    void aModelObjectIsNeverAskedForItsTextHashOrEquality() throws Exception {
        try (ValuesHostRun run = runBothWays("snitch", "3")) {
            assertThat(run.truth()).containsEntry("toString-calls", "0").containsEntry("hashCode-calls", "0")
                    .containsEntry("equals-calls", "0");
            GenscopeMBeans mBeans = run.mBeans();
            assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "Generations"))
                    .isEqualTo(run.truthCount("generations"));
            String failure = (String) rule(mBeans, "generate").get("lastCaptureFailure");
            assertThat(failure).contains("capture.model", ValuesHost.class.getName() + "$Snitch");
            assertThat(run.problemLines()).as("Genscope's warnings and errors").hasSize(1);
        }
    }

    /** Runs the host without and with the agent, checks its output is the same, and gives the agent's run. */
    private ValuesHostRun runBothWays(String... hostArgs) throws Exception {
        List<String> bare;
        try (ValuesHostRun run = ValuesHostRun.withoutAgent(hostArgs)) {
            bare = run.output();
        }
        ValuesHostRun run = ValuesHostRun.withAgent(directory, hostArgs);
        assertThat(run.output()).as("the host's output with the agent").isEqualTo(bare);
        return run;
    }

    private static CompositeData rule(GenscopeMBeans mBeans, String name) throws Exception {
        Map<String, CompositeData> rules = OpenData.map(mBeans.attribute(GenscopeMBeans.DIAGNOSTICS, "Rules"));
        return rules.get(name);
    }
}
