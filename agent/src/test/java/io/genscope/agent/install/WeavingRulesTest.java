package io.genscope.agent.install;

import fixture.gen.ChildFirstLoader;
import fixture.weave.OddCode;
import io.genscope.agent.capture.RuleCompiler;
import io.genscope.agent.config.ConfigLoader;
import io.genscope.agent.config.LoadedConfig;
import io.genscope.agent.config.RuleSettings;
import io.genscope.runtime.Genscope;
import io.genscope.runtime.GenscopeRuntime;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.time.Clock;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule weaving on real class loading (Byte Buddy's self-attach, the {@code fixture.weaving}
 * classes loaded afresh by a child-first loader, recording into a runtime of the test's own):
 * which classes a rule may select, and how a rule that cannot fully work degrades, with one line
 * each.
 */
class WeavingRulesTest {

    private static final Instrumentation INSTRUMENTATION = ByteBuddyAgent.install();
    private static final URL TEST_CLASSES = WeavingRulesTest.class.getProtectionDomain().getCodeSource().getLocation();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<ChildFirstLoader> loaders = new ArrayList<>();
    private final Map<String, Class<?>> loaded = new HashMap<>();
    private AdviceWeaver weaver;
    private GenscopeRuntime runtime;

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
    void aCaptureThatFailsOnOneClassOfAGlobIsDroppedForThatClassOnly() throws Exception {
        loadWhileWeaving(List.of("fixture.weaving.PlainDraft", "fixture.weaving.PromptDraft"), """
                  - name: drafts
                    role: generation
                    class: "fixture.weaving.*Draft"
                    method: write
                    capture:
                      prompt-length: this.prompt.length
                """);

        call("fixture.weaving.PlainDraft", "write", "a");
        call("fixture.weaving.PromptDraft", "write", "b");
        call("fixture.weaving.PromptDraft", "write", "c");

        assertThat(lines).singleElement().asString().startsWith("ERROR genscope.yaml:7 rules[0].capture.prompt-length")
                .contains("fixture.weaving.PlainDraft", "capture dropped for fixture.weaving.PlainDraft#write(String)"
                        + " only; rule 'drafts' records everything else");
        assertThat(runtime.summary().generations()).isEqualTo(3);
        assertThat(runtime.summary().averagePromptLength()).isEqualTo("four".length());
        assertThat(runtime.rule(0).calls()).isEqualTo(3);
        assertThat(runtime.rule(0).matchedMethods()).containsExactly("fixture.weaving.PlainDraft#write(String)",
                "fixture.weaving.PromptDraft#write(String)");
    }

    /**
     * A method whose code cannot take the calls costs only itself: one line each, once however
     * often its class loads, and the rule's other methods in the class are woven, counted and
     * listed; the diagnostics never list a method left as it was.
     */
    @Test
    void aMethodWhoseCodeCannotBeWovenIsOneErrorAndCostsOnlyItself() throws Exception {
        weaver = weaver("""
                  - name: odd-code
                    role: generation
                    class: fixture.weaving.OddCode
                    method: "*"
                """);
        byte[] classFile = OddCode.classFile("fixture/weaving/OddCode");

        for (int load = 0; load < 2; load++) {
            Class<?> odd = defineWhileWeaving("fixture.weaving.OddCode", classFile);
            assertThat(odd.getMethod("stacked").invoke(null)).isEqualTo(2);
            assertThat(odd.getMethod("subroutine").invoke(null)).isEqualTo(3);
            assertThat(odd.getMethod("plain").invoke(null)).isEqualTo(4);
        }

        String cannot = "ERROR genscope.yaml:5 rules[0].method: the method's code cannot be woven: ";
        assertThat(lines).containsExactly(
                cannot + "a return leaves 2 slots on the operand stack (rule 'odd-code' does not instrument"
                        + " fixture.weaving.OddCode#stacked())",
                cannot + "a subroutine (jsr) (rule 'odd-code' does not instrument fixture.weaving.OddCode#subroutine())");
        assertThat(runtime.rule(0).calls()).isEqualTo(2);
        assertThat(runtime.rule(0).matchedMethods()).containsExactly("fixture.weaving.OddCode#plain()");
    }

    /** Defines {@code classFile} in a loader of its own while {@link #weaver} is installed, as a host's class. */
    private Class<?> defineWhileWeaving(String className, byte[] classFile) {
        INSTRUMENTATION.addTransformer(weaver);
        try {
            return new ClassLoader(WeavingRulesTest.class.getClassLoader()) {
                Class<?> define() {
                    return defineClass(className, classFile, 0, classFile.length);
                }
            }.define();
        } finally {
            INSTRUMENTATION.removeTransformer(weaver);
        }
    }

    @Test
    void aValidationWhoseErrorsFailOnAClassLoadedLaterStillFailsWhereTheyWorkAndByExceptionWhereTheyDoNot() throws Exception {
        loadWhileWeaving(List.of("fixture.weaving.ReportCheck", "fixture.weaving.FlagCheck"), """
                  - name: checks
                    role: validation
                    class: "fixture.weaving.*Check"
                    method: check
                    capture:
                      errors: return.errors
                """);

        call("fixture.weaving.ReportCheck", "check", "bad");
        call("fixture.weaving.ReportCheck", "check", "good");
        call("fixture.weaving.FlagCheck", "check", "bad");
        call("fixture.weaving.FlagCheck", "check", "");

        assertThat(lines).singleElement().asString().startsWith("ERROR genscope.yaml:7 rules[0].capture.errors")
                .contains("capture dropped for fixture.weaving.FlagCheck#check(String) only,"
                        + " whose validations now fail only when they throw");
        assertThat(runtime.summary().validations()).isEqualTo(4);
        assertThat(runtime.summary().validationFailures()).isEqualTo(2);
        assertThat(runtime.summary().topValidationErrors()).containsOnlyKeys("E-SYNTAX",
                IllegalArgumentException.class.getName());
    }

    @Test
    void successWhenMakesAFailedResultAFailureAndWhereItIsNotABooleanTheMethodFallsBackToReturnedNormally()
            throws Exception {
        loadWhileWeaving(List.of("fixture.weaving.BatchRunner", "fixture.weaving.TextRunner"), """
                  - name: batch
                    role: generation
                    class: "fixture.weaving.*Runner"
                    method: generate
                    success-when: return.ok
                    failure-type: return.code
                """);

        call("fixture.weaving.BatchRunner", "generate", "");
        call("fixture.weaving.BatchRunner", "generate", "openapi: 3.0.0");
        call("fixture.weaving.TextRunner", "generate", "");

        assertThat(lines).singleElement().asString().startsWith("ERROR genscope.yaml:6 rules[0].success-when")
                .contains("'return.ok' is a java.lang.String", "success-when needs a boolean or Boolean",
                        "capture dropped for fixture.weaving.TextRunner#generate(String) only,"
                                + " whose generations now succeed when they return normally");
        assertThat(runtime.summary().generations()).isEqualTo(3);
        assertThat(runtime.summary().generationFailures()).isEqualTo(1);
        assertThat(runtime.summary().generationFailureTypes()).containsOnlyKeys("E_EMPTY_SPEC");
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

        assertThat(runtime.rule(0).matchedMethods()).containsExactly("fixture.weaving.SpecValidator#validate(Spec)");
        assertThat(lines).singleElement().asString().startsWith("ERROR genscope.yaml:13 rules[1].capture.errors")
                .contains("'thrown.erors' reads no member of the exceptions", "fixture.weaving.SpecValidationException");
    }

    /** Loads {@code className} in two fresh loaders while a weaver for {@code rules} is installed. */
    private void loadTwiceWhileWeaving(String className, String rules) throws Exception {
        loadWhileWeaving(List.of(className), rules);
        loadWhileWeaving(List.of(className), null);
    }

    /**
     * Loads {@code classNames}, in order, in a fresh loader ({@link #loaded}) while a weaver is
     * installed: for {@code rules}, or the one of the previous call when {@code null}.
     */
    private void loadWhileWeaving(List<String> classNames, String rules) throws Exception {
        if (rules != null) {
            weaver = weaver(rules);
        }
        INSTRUMENTATION.addTransformer(weaver);
        try {
            ChildFirstLoader loader = new ChildFirstLoader(new URL[] {TEST_CLASSES}, WeavingRulesTest.class.getClassLoader());
            loaders.add(loader);
            for (String className : classNames) {
                loaded.put(className, Class.forName(className, true, loader));
            }
        } finally {
            INSTRUMENTATION.removeTransformer(weaver);
        }
    }

    /** Calls {@code method(argument)} on a new instance of a class {@link #loadWhileWeaving} loaded; a throw is the host's. */
    private void call(String className, String method, String argument) throws Exception {
        Class<?> type = loaded.get(className);
        try {
            type.getMethod(method, String.class).invoke(type.getDeclaredConstructor().newInstance(), argument);
        } catch (InvocationTargetException thrownByTheHost) {
            assertThat(thrownByTheHost.getCause()).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @AfterEach
    void stopRuntime() throws Exception {
        Genscope.uninstall();
        for (ChildFirstLoader loader : loaders) {
            loader.close();
        }
    }

    /** A weaver for {@code rules}, recording into a {@link #runtime} of its own. */
    private AdviceWeaver weaver(String rules) {
        LoadedConfig config = ConfigLoader.parse("genscope.yaml", "rules:\n" + rules);
        assertThat(config.problems()).isEmpty();
        List<RuleSettings> settings = config.settings().rules();
        runtime = GenscopeRuntime.start(config.settings().store(), settings.stream().map(RuleCompiler::compile).toList(),
                log(), "test", "genscope.yaml", Clock.system());
        List<ClassWeaving> weavings = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            weavings.add(new RuleWeaving(i, settings.get(i), runtime.rule(i), runtime::variant, log()));
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
