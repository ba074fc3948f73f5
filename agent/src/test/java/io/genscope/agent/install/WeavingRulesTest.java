package io.genscope.agent.install;

import fixture.gen.ChildFirstLoader;
import io.genscope.agent.capture.RuleCompiler;
import io.genscope.agent.config.ConfigLoader;
import io.genscope.agent.config.LoadedConfig;
import io.genscope.agent.config.RuleSettings;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule weaving on real class loading (Byte Buddy's self-attach, the {@code fixture.weaving}
 * classes loaded afresh by a child-first loader): which classes a rule may select, and how a rule
 * that cannot fully work degrades, with one line each.
 */
class WeavingRulesTest {

    private static final Instrumentation INSTRUMENTATION = ByteBuddyAgent.install();
    private static final URL TEST_CLASSES = WeavingRulesTest.class.getProtectionDomain().getCodeSource().getLocation();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<RuleDiagnostics> diagnostics = new ArrayList<>();

    @Test
    void aGlobOverEveryClassNeverSelectsAClassOfTheJdk() throws Exception {
        AdviceWeaver weaver = weaver("""
                  - role: generation
                    class: "*"
                    method: "get*"
                """);

        assertThat(weaver.transform(null, "java/lang/management/ManagementFactory", null, null,
                classFile("java/lang/management/ManagementFactory"))).isNull();
        assertThat(weaver.transform(ClassLoader.getPlatformClassLoader(), "java/sql/Timestamp", null, null,
                classFile("java/sql/Timestamp"))).isNull();
        assertThat(lines).isEmpty();
    }

    @Test
    void aMethodNameThatMatchesNothingIsOneWarningWithTheClosestNamesOncePerClass() throws Exception {
        loadTwiceWhileWeaving("fixture.weaving.SpecGenerator", """
                  - name: misspelled
                    role: generation
                    class: fixture.weaving.SpecGenerator
                    method: generte
                """);

        assertThat(lines).singleElement().asString().startsWith("WARN genscope.yaml:5 rules[0].method: rule 'misspelled'"
                + " selects fixture.weaving.SpecGenerator, but none of its methods matches 'generte'; closest: generate,");
    }

    @Test
    void anAbstractBaseClassIsOneWarningThatPointsToImplements() throws Exception {
        loadTwiceWhileWeaving("fixture.weaving.KotlinTemplate", """
                  - name: abstract-base
                    role: generation
                    class: fixture.weaving.TemplateGenerator
                    method: render
                """);

        assertThat(lines).singleElement().asString().startsWith("WARN genscope.yaml:5 rules[0].method")
                .contains("abstract class", "select them with 'implements: fixture.weaving.TemplateGenerator'");
    }

    @Test
    void anInterfaceWithADefaultMethodIsOneWarningThatSaysInterfacesAreNeverInstrumented() throws Exception {
        loadTwiceWhileWeaving("fixture.weaving.DefaultPlugin", """
                  - name: default-method
                    role: generation
                    class: fixture.weaving.DefaultPlugin
                    method: generate
                """);

        assertThat(lines).singleElement().asString().startsWith("WARN genscope.yaml:5 rules[0].method")
                .contains("interface", "never instrumented, default methods included",
                        "select them with 'implements: fixture.weaving.DefaultPlugin'")
                .doesNotContain("has no body");
    }

    @Test
    void aMethodInheritedFromAClassTheRuleDoesNotSelectIsOneWarningNamingThatClass() throws Exception {
        loadTwiceWhileWeaving("fixture.weaving.KotlinTemplate", """
                  - name: inherited
                    role: generation
                    class: fixture.weaving.KotlinTemplate
                    method: header
                """);

        assertThat(lines).singleElement().asString().startsWith("WARN genscope.yaml:5 rules[0].method")
                .contains("'header' is inherited from fixture.weaving.TemplateGenerator");
    }

    @Test
    void aMisspelledCaptureIsDroppedAndTheMethodStillInstrumented() throws Exception {
        loadTwiceWhileWeaving("fixture.weaving.SpecGenerator", """
                  - name: typo
                    role: generation
                    class: fixture.weaving.SpecGenerator
                    method: generate
                    capture:
                      model: args[0].model
                      function-name: args[0].functionNme
                """);

        assertThat(lines).singleElement().asString().startsWith("ERROR genscope.yaml:8 rules[0].capture.function-name")
                .contains("functionNme", "capture dropped; rule 'typo' records everything else");
        assertThat(diagnostics.get(0).matchedMethods()).containsExactly("fixture.weaving.SpecGenerator#generate(Spec)");
        assertThat(diagnostics.get(0).rule().captures().functionName().dropped()).isTrue();
        assertThat(diagnostics.get(0).rule().captures().model().dropped()).isFalse();
    }

    @Test
    void aThrownPathIsCheckedAgainstTheExceptionsTheMethodDeclares() throws Exception {
        loadTwiceWhileWeaving("fixture.weaving.SpecValidator", """
                  - name: checked
                    role: validation
                    class: fixture.weaving.SpecValidator
                    method: validate
                    capture:
                      errors: thrown.errors
                  - name: misspelled
                    role: validation
                    class: fixture.weaving.SpecValidator
                    method: validate
                    capture:
                      errors: thrown.erors
                """);

        assertThat(diagnostics.get(0).matchedMethods()).containsExactly("fixture.weaving.SpecValidator#validate(Spec)");
        assertThat(lines).singleElement().asString().startsWith("ERROR genscope.yaml:13 rules[1].capture.errors")
                .contains("'thrown.erors' reads no member of the exceptions", "fixture.weaving.SpecValidationException");
    }

    /** Loads {@code className} in two fresh loaders while a weaver for {@code rules} is installed. */
    private void loadTwiceWhileWeaving(String className, String rules) throws Exception {
        AdviceWeaver weaver = weaver(rules);
        INSTRUMENTATION.addTransformer(weaver);
        try {
            for (int i = 0; i < 2; i++) {
                try (ChildFirstLoader loader = new ChildFirstLoader(new URL[] {TEST_CLASSES},
                        WeavingRulesTest.class.getClassLoader())) {
                    Class.forName(className, true, loader);
                }
            }
        } finally {
            INSTRUMENTATION.removeTransformer(weaver);
        }
    }

    private AdviceWeaver weaver(String rules) {
        LoadedConfig config = ConfigLoader.parse("genscope.yaml", "rules:\n" + rules);
        assertThat(config.problems()).isEmpty();
        List<RuleSettings> settings = config.settings().rules();
        List<ClassWeaving> weavings = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            diagnostics.add(new RuleDiagnostics(RuleCompiler.compile(settings.get(i))));
            weavings.add(new RuleWeaving(i, settings.get(i), diagnostics.get(i), AdviceClassFiles.of(null), log()));
        }
        return new AdviceWeaver(ClassNameFilter.of(settings, MBeanServerHook.OWNER), weavings,
                new WeavingReport(log(), () -> { }));
    }

    private RuntimeLog log() {
        return new RuntimeLog() {
            @Override
            public void warn(String message) {
                lines.add("WARN " + message);
            }

            @Override
            public void error(String message) {
                lines.add("ERROR " + message);
            }
        };
    }

    private static byte[] classFile(String internalName) throws Exception {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in.readAllBytes();
        }
    }
}
