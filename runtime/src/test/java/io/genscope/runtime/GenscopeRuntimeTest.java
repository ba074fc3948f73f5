package io.genscope.runtime;

import io.genscope.runtime.metrics.Label;
import io.genscope.runtime.metrics.Sample;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.testing.CollectingLog;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GenscopeMBeans;
import io.genscope.runtime.time.ManualClock;
import io.genscope.runtime.store.TelemetrySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.management.JMException;
import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The static seam: no-ops until a runtime starts, recording into it while installed, no-ops again after. */
class GenscopeRuntimeTest {

    private static final List<RuleDefinition> RULES = GeneratorLoop.standardRules();

    private final ManualClock clock = new ManualClock();
    private final CollectingLog log = new CollectingLog();

    @AfterEach
    void uninstall() throws JMException {
        Genscope.uninstall();
        GenscopeMBeans.unregisterAll();
    }

    private GenscopeRuntime start() {
        return GenscopeRuntime.start(TelemetrySettings.defaults(), RULES, log, "9.9", "genscope.yaml", clock);
    }

    private static void generateThroughTheSeam() {
        Object request = GeneratorLoop.Request.of("gpt-4");
        long token = Genscope.enter(GeneratorLoop.GENERATE, null, request, null, null);
        Genscope.exit(GeneratorLoop.GENERATE, token, null, request, null, null, GeneratorLoop.Code.of("x"), null);
    }

    @Test
    void entryPointsRecordIntoTheStartedRuntime() {
        GenscopeRuntime runtime = start();

        generateThroughTheSeam();

        assertThat(runtime.summary().generations()).isEqualTo(1);
        assertThat(runtime.summary().generationSuccesses()).isEqualTo(1);
        assertThat(runtime.rule(GeneratorLoop.GENERATE).calls()).isEqualTo(1);
    }

    @Test
    void itsMetricsCountWhatTheEntryPointsRecordedUnderTheRulesName() {
        GenscopeRuntime runtime = start();

        generateThroughTheSeam();

        String generator = RULES.get(GeneratorLoop.GENERATE).name();
        assertThat(runtime.metrics().collect().get(0).samples()).containsExactly(
                new Sample("genscope_generations_total", List.of(new Label("generator", generator),
                        new Label("model", "gpt-4"), new Label("outcome", "success")), 1),
                new Sample("genscope_generations_total", List.of(new Label("generator", generator),
                        new Label("model", "gpt-4"), new Label("outcome", "failure")), 0));
    }

    @Test
    void aRuntimeStartedAfterAnotherOneRecordsIntoItsOwnStore() {
        GenscopeRuntime earlier = start();
        generateThroughTheSeam();
        Genscope.uninstall();
        GenscopeRuntime current = start();

        generateThroughTheSeam();

        assertThat(current.summary().generations()).isEqualTo(1);
        assertThat(earlier.summary().generations()).isEqualTo(1);
    }

    @Test
    void entryPointsAreNoOpsAfterUninstall() {
        GenscopeRuntime runtime = start();
        Genscope.uninstall();

        generateThroughTheSeam();

        assertThat(runtime.summary().generations()).isZero();
        assertThat(runtime.rule(GeneratorLoop.GENERATE).calls()).isZero();
    }

    @Test
    void entryPointsWithoutARuntimeDoNothingAndNeverThrow() {
        assertThatCode(() -> {
            generateThroughTheSeam();
            Genscope.exit(42, 0, null, null, null, null, null, new Error("host failure"));
            Genscope.exit(42, 1, null, new Error("host failure"));
            Genscope.platformMBeanServerCreated(null);
        }).doesNotThrowAnyException();

        assertThat(GenscopeMBeans.registered()).isEmpty();
    }

    @Test
    void mBeansAppearWhenThePlatformMBeanServerIsCreatedNotBefore() {
        start();
        assertThat(GenscopeMBeans.registered()).isEmpty();

        Genscope.platformMBeanServerCreated(ManagementFactory.getPlatformMBeanServer());

        assertThat(GenscopeMBeans.registered()).contains(GenscopeMBeans.name("type=Telemetry"));
    }

    @Test
    void interceptedCallsAloneNeverCreateTheMBeans() {
        start();

        generateThroughTheSeam();

        assertThat(GenscopeMBeans.registered()).isEmpty();
    }

    @Test
    void mBeansCanBeDeferredToTheNextInterceptedCall() {
        GenscopeRuntime runtime = start();
        runtime.exposeOverJmxAtNextCall();
        assertThat(GenscopeMBeans.registered()).isEmpty();

        generateThroughTheSeam();

        assertThat(GenscopeMBeans.registered()).contains(GenscopeMBeans.name("type=Telemetry"),
                GenscopeMBeans.named("Generator", "generate"));
        await().untilAsserted(() -> assertThat(GenscopeMBeans.registered())
                .contains(GenscopeMBeans.named("Model", "gpt-4")));
    }

    @Test
    void reportShowsTheFiguresOverallAndPerModelSeen() {
        GenscopeRuntime runtime = start();

        generateThroughTheSeam();

        assertThat(runtime.report()).startsWith("[genscope] summary of the last 3600 s")
                .contains("1 started, 1 succeeded, 0 failed")
                .contains("model gpt-4      1 generations");
    }

    @Test
    void journalKeepsWhatTheRuntimeLogsAndPassesItOn() {
        GenscopeRuntime runtime = start();

        runtime.journal().warn("rule 'x' matched nothing");

        assertThat(log.warnings()).containsExactly("rule 'x' matched nothing");
        assertThat(runtime.journal().recent()).containsExactly("WARN rule 'x' matched nothing");
    }

    @Test
    void theVariantsMBeanIsRegisteredAndTheReportHasNoAbTableWithoutVariants() throws JMException {
        GenscopeRuntime runtime = start();
        generateThroughTheSeam();

        runtime.exposeOverJmx();

        assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(GenscopeMBeans.name("type=Variants"),
                "Baseline")).isEqualTo("");
        assertThat(runtime.variants().note()).isEqualTo("no variant has a generation in the window");
        assertThat(runtime.variants().windowSeconds()).isEqualTo(3600);
        assertThat(runtime.report()).startsWith("[genscope] summary of the last 3600 s").doesNotContain("A/B");
    }
}
