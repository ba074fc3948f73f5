package io.genscope.agent.install;

import fixture.gen.AnnotatedGenerator;
import fixture.gen.AsyncGenerator;
import fixture.gen.ChildFirstLoader;
import fixture.gen.FragileGenerator;
import fixture.gen.OverloadedGenerator;
import fixture.gen.RecursiveGenerator;
import fixture.gen.Request;
import fixture.gen.Result;
import fixture.gen.ThrowingValidator;
import fixture.gen.WritingGenerator;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The agent installed into this JVM (Byte Buddy's self-attach), instrumenting the generators in
 * {@code fixture.gen} as it would a user's, and read back through the platform MBean server.
 */
class InProcessAgentTest {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    /** Six generation rules: their worst case is over the default store.max-memory, so it is raised. */
    private static final String CONFIG = """
            store:
              max-memory: 128MB
            rules:
              - name: async
                role: generation
                class: fixture.gen.AsyncGenerator
                method: generate
                capture:
                  project-id: request.projectId
                  model: this.model
                  code-length: return.code.length
                  dependencies: return.imports
              - name: recursive
                role: generation
                class: fixture.gen.RecursiveGenerator
                method: generate
                capture:
                  model: this.model
              - name: fragile
                role: generation
                class: fixture.gen.FragileGenerator
                method: generate
                capture:
                  model: this.brokenModel
                  prompt-length: args[0].prompt.length
              - name: annotated
                role: generation
                class: fixture.gen.Annotated*
                annotation: fixture.gen.Generates
                capture:
                  code-length: return.length
              - name: overloaded
                role: generation
                class: fixture.gen.OverloadedGenerator
                method: generate
                capture:
                  project-id: request.projectId
                  model: this.model
              - name: writing
                role: generation
                class: fixture.gen.WritingGenerator
                method: generate
                capture:
                  code-length: args[0].length
              - name: validate
                role: validation
                implements: fixture.gen.Validator
                method: validate
                parameters: [java.lang.String]
                capture:
                  validation-ok: return.ok
                  errors: return.errors
            """;

    @TempDir
    static Path directory;

    @BeforeAll
    static void installAgent() throws Exception {
        Path config = Files.writeString(directory.resolve("genscope.yaml"), CONFIG);
        StartupConfig startup = StartupConfig.read("config=" + config, null).orElseThrow();
        AgentInstaller.install(startup, ByteBuddyAgent.install(), true, null);
    }

    @BeforeEach
    void resetFigures() throws Exception {
        SERVER.invoke(new ObjectName("io.genscope:type=Telemetry"), "reset", new Object[0], new String[0]);
    }

    @Test
    void aFutureGenerationCountsWhenTheFutureCompletesWithItsResultCaptured() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Result result = new AsyncGenerator().generate(new Request("billing", "prompt"), executor, false).get();
            assertThatThrownBy(() -> new AsyncGenerator().generate(new Request("billing", "p"), executor, true).join())
                    .hasCauseInstanceOf(IllegalStateException.class);

            assertThat(result.code()).isEqualTo("class A {}");
            await().atMost(Duration.ofSeconds(5)).until(() -> telemetry("GenerationFailures").equals(1L));
            assertThat(telemetry("GenerationSuccesses")).isEqualTo(1L);
            assertThat(table("DependencyUsage")).containsEntry("java.util", 1L);
            assertThat(table("GenerationFailureTypes")).containsEntry(IllegalStateException.class.getName(), 1L);
            assertThat((Double) summary().get("averageCodeLength")).isEqualTo("class A {}".length());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aNestedCallOfTheGenerationMethodIsARetryNotANewGeneration() throws Exception {
        new RecursiveGenerator().generate(new Request("search", "prompt"), 2);

        assertThat(telemetry("Generations")).isEqualTo(1L);
        assertThat(telemetry("RetryAttempts")).isEqualTo(2L);
        assertThat(telemetry("AverageRetryCount")).isEqualTo(2.0);
        assertThat(telemetry("RetrySuccessRate")).isEqualTo(1.0);
    }

    @Test
    void theGeneratorsResultAndExceptionPassThroughUnchangedEvenWhenACaptureFails() throws Exception {
        FragileGenerator generator = new FragileGenerator();
        Result expected = FragileGenerator.plain(List.of("a"));
        IllegalStateException failure = new IllegalStateException("boom");

        assertThat(generator.generate(new Request("p", "four"), expected, null)).isSameAs(expected);
        assertThatThrownBy(() -> generator.generate(new Request("p", "four"), null, failure)).isSameAs(failure);

        assertThat(telemetry("GenerationSuccesses")).isEqualTo(1L);
        assertThat(telemetry("GenerationFailures")).isEqualTo(1L);
        CompositeData rule = (CompositeData) ((TabularData) SERVER.getAttribute(
                new ObjectName("io.genscope:type=Diagnostics"), "Rules")).get(new Object[] {"fragile"}).get("value");
        assertThat((Long) rule.get("captureFailures")).isEqualTo(2L);
        assertThat((String) rule.get("lastCaptureFailure")).contains("capture.model", "UnsupportedOperationException")
                .doesNotContain("no model today");
        assertThat((Double) summary().get("averagePromptLength")).isEqualTo(4.0);
    }

    @Test
    void aCaptureOfAnArgumentThatIsReadWhenTheCallEndsSeesWhatTheCallDidToIt() throws Exception {
        new WritingGenerator().generate(new StringBuilder());

        assertThat(telemetry("GenerationSuccesses")).isEqualTo(1L);
        assertThat((Double) summary().get("averageCodeLength")).isEqualTo("class W {}".length());
    }

    @Test
    void aValidationThatThrowsIsAFailureWithTheExceptionClassAsErrorType() throws Exception {
        ThrowingValidator validator = new ThrowingValidator();
        validator.validate("fine");
        validator.validate("");
        assertThatThrownBy(() -> validator.validate("explode")).isInstanceOf(IllegalArgumentException.class);

        assertThat(telemetry("Validations")).isEqualTo(3L);
        assertThat(telemetry("ValidationFailures")).isEqualTo(2L);
        assertThat(table("TopValidationErrors")).containsEntry("empty", 1L)
                .containsEntry(IllegalArgumentException.class.getName(), 1L);
    }

    @Test
    void classesOfAChildFirstLoaderAreInstrumentedToo() throws Exception {
        URL classes = RecursiveGenerator.class.getProtectionDomain().getCodeSource().getLocation();
        try (ChildFirstLoader loader = new ChildFirstLoader(new URL[] {classes}, getClass().getClassLoader())) {
            Class<?> generator = loader.loadClass(RecursiveGenerator.class.getName());
            Class<?> request = loader.loadClass(Request.class.getName());
            assertThat(generator).isNotSameAs(RecursiveGenerator.class);
            Object instance = generator.getConstructor().newInstance();
            Object argument = request.getConstructor(String.class, String.class).newInstance("plugin", "prompt");
            generator.getMethod("generate", request, int.class).invoke(instance, argument, 1);
        }
        assertThat(telemetry("Generations")).isEqualTo(1L);
        assertThat(telemetry("RetryAttempts")).isEqualTo(1L);
    }

    @Test
    void aRuleCanSelectMethodsByAnnotationInClassesMatchedByAGlob() throws Exception {
        AnnotatedGenerator generator = new AnnotatedGenerator();
        generator.scaffold("A");
        generator.sketch("B");

        assertThat(telemetry("Generations")).isEqualTo(1L);
        assertThat((Double) summary().get("averageCodeLength")).isEqualTo("class A {}".length());
    }

    @Test
    void aMethodLeftUninstrumentedDoesNotFixWhereANamedParameterIs() throws Exception {
        // the static overload, checked first, has the request second and cannot be instrumented
        new OverloadedGenerator().generate(new Request("overloads", "prompt"));

        assertThat(telemetry("Generations")).isEqualTo(1L);
    }

    private static Object telemetry(String attribute) throws Exception {
        return SERVER.getAttribute(new ObjectName("io.genscope:type=Telemetry"), attribute);
    }

    private static CompositeData summary() throws Exception {
        return (CompositeData) telemetry("Summary");
    }

    private static java.util.Map<String, Object> table(String attribute) throws Exception {
        java.util.Map<String, Object> rows = new java.util.HashMap<>();
        for (Object row : ((TabularData) telemetry(attribute)).values()) {
            rows.put((String) ((CompositeData) row).get("key"), ((CompositeData) row).get("value"));
        }
        return rows;
    }
}
