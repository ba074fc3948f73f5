package io.genscope.runtime.jmx;

import io.genscope.runtime.Role;
import io.genscope.runtime.diagnostics.ErrorJournal;
import io.genscope.runtime.rule.RuleCaptures;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import io.genscope.runtime.testing.GenscopeMBeans;
import io.genscope.runtime.testing.StrictJson;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.util.List;
import java.util.Map;

import static io.genscope.runtime.testing.GenscopeMBeans.name;
import static io.genscope.runtime.testing.GenscopeMBeans.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Which MBeans the exporter registers, when, and what the Telemetry and Diagnostics MBeans do. */
class JmxExporterTest {

    private static final ObjectName TELEMETRY = name("type=Telemetry");
    private static final ObjectName DIAGNOSTICS = name("type=Diagnostics");

    private final JmxFixture jmx = new JmxFixture();

    @AfterEach
    void unregister() throws JMException {
        GenscopeMBeans.unregisterAll();
    }

    private Object invoke(String operation, Object[] params, String... signature) throws JMException {
        return jmx.server.invoke(TELEMETRY, operation, params, signature);
    }

    private Object attribute(ObjectName name, String attribute) throws JMException {
        return jmx.server.getAttribute(name, attribute);
    }

    @Test
    void nothingIsRegisteredBeforeStart() throws Exception {
        jmx.loop.generate(Request.of("gpt-4"), () -> Code.of("x"));

        assertThat(jmx.registered()).isEmpty();
        assertThat(GenscopeMBeans.registered()).isEmpty();
    }

    @Test
    void startRegistersTelemetryDiagnosticsControlOneGeneratorPerGenerationRuleAndOneBreakdownPerCapturedDimension() {
        jmx.start();

        assertThat(jmx.registered()).containsExactlyInAnyOrder(TELEMETRY, DIAGNOSTICS, GenscopeMBeans.name("type=Control"),
                named("Generator", "generate"), named("Generator", "generate-declared"),
                name("type=Breakdown,dimension=project"));
    }

    @Test
    void startingTwiceRegistersEachMBeanOnce() {
        jmx.start();
        jmx.start();

        assertThat(jmx.registered()).hasSize(6);
        assertThat(jmx.journal.errorCount()).isZero();
    }

    @Test
    void modelsSeenBeforeStartRegisterAtStartAndLaterOnesAsTheyAppear() throws Exception {
        jmx.loop.generate(Request.of("gpt-4"), () -> Code.of("x"));
        jmx.start();
        jmx.loop.generate(Request.of("claude"), () -> Code.of("x"));

        await().untilAsserted(() -> assertThat(jmx.registered())
                .contains(named("Model", "gpt-4"), named("Model", "claude")));
        assertThat(attribute(named("Model", "claude"), "Model")).isEqualTo("claude");
        assertThat(attribute(named("Model", "claude"), "Generations")).isEqualTo(1L);
    }

    @Test
    void aPlainNameIsTheMBeanNameUnquoted() throws Exception {
        jmx.start();
        jmx.loop.generate(Request.of("codex-mini"), () -> Code.of("x"));

        await().until(() -> jmx.server.isRegistered(new ObjectName("io.genscope:type=Model,name=codex-mini")));
        assertThat(jmx.registered()).contains(new ObjectName("io.genscope:type=Generator,name=generate"));
    }

    @Test
    void namesThatAreNotValidObjectNameValuesAreQuoted() throws Exception {
        String awkward = "gen,type=x:\"quoted\"*";
        GeneratorLoop loop = new GeneratorLoop(new RuleDefinition(awkward, Role.GENERATION, RuleCaptures.none()));
        new JmxExporter(loop.analytics, loop.store, loop.rules, new ErrorJournal(loop.log),
                "1", GeneratorLoop.config("f"), GeneratorLoop.NO_RELOAD, List::of).start(jmx.server);

        assertThat(attribute(named("Generator", awkward), "Rule")).isEqualTo(awkward);
        assertThat(loop.log.errors()).isEmpty();
    }

    @Test
    void exportEventsReturnsAtMostMaxEventsAsAJsonArray() throws Exception {
        jmx.start();
        jmx.loop.generate(Request.of("gpt-4"), () -> {
            jmx.loop.compile(Verdict.failed("E1"));
            return Code.of("x");
        });

        List<?> two = (List<?>) StrictJson.parse((String) invoke("exportEvents", new Object[] {2}, "int"));
        List<?> none = (List<?>) StrictJson.parse((String) invoke("exportEvents", new Object[] {-1}, "int"));

        assertThat(two).hasSize(2).first().asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("type", "generation_success");
        assertThat(none).isEmpty();
    }

    @Test
    void resetOperationForgetsFiguresEventsAndRuleCounters() throws Exception {
        jmx.start();
        jmx.loop.generate(Request.of("gpt-4"), () -> Code.of("x"));

        invoke("reset", new Object[0]);

        assertThat(attribute(TELEMETRY, "Generations")).isEqualTo(0L);
        assertThat(invoke("exportEvents", new Object[] {10}, "int")).isEqualTo("[]");
        assertThat(jmx.loop.rules.get(GeneratorLoop.GENERATE).calls()).isZero();
    }

    @Test
    void summaryForWindowRejectsANonPositiveWindow() {
        jmx.start();

        assertThatThrownBy(() -> invoke("summaryForWindow", new Object[] {0L}, "long"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void diagnosticsShowVersionConfigAndEachRulesHealth() throws Exception {
        jmx.loop.rules.get(GeneratorLoop.GENERATE).matched("com.acme.Gen#generate(Request)");
        jmx.loop.rules.get(GeneratorLoop.GENERATE).captureFailed("model", "boom", 0);
        jmx.journal.warn("first warning");
        jmx.journal.error("first error");
        jmx.start();
        jmx.loop.generate(Request.of("gpt-4"), () -> Code.of("x"));

        assertThat(attribute(DIAGNOSTICS, "Version")).isEqualTo("1.2.3");
        assertThat(attribute(DIAGNOSTICS, "ConfigFile")).isEqualTo("/etc/genscope.yaml");
        assertThat(attribute(DIAGNOSTICS, "AgentErrors")).isEqualTo(1L);
        assertThat(attribute(DIAGNOSTICS, "AgentWarnings")).isEqualTo(1L);
        assertThat((String[]) attribute(DIAGNOSTICS, "RecentProblems"))
                .containsExactly("WARN first warning", "ERROR first error");
        assertThat((String[]) attribute(DIAGNOSTICS, "RulesMatchingNothing"))
                .containsExactly("compile", "regenerate", "lint", "generate-declared");

        CompositeData generate = (CompositeData) ((TabularData) attribute(DIAGNOSTICS, "Rules"))
                .get(new Object[] {"generate"}).get("value");
        assertThat(Map.of(
                "role", generate.get("role"),
                "matchedMethods", List.of((String[]) generate.get("matchedMethods")),
                "matchedNothing", generate.get("matchedNothing"),
                "calls", generate.get("calls"),
                "captureFailures", generate.get("captureFailures"),
                "lastCaptureFailure", generate.get("lastCaptureFailure"),
                "internalErrors", generate.get("internalErrors")))
                .isEqualTo(Map.of(
                        "role", "generation",
                        "matchedMethods", List.of("com.acme.Gen#generate(Request)"),
                        "matchedNothing", false,
                        "calls", 1L,
                        "captureFailures", 1L,
                        "lastCaptureFailure", "model: boom",
                        "internalErrors", 0L));
    }
}
