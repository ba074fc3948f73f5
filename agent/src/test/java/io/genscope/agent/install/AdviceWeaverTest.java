package io.genscope.agent.install;

import fixture.gen.ChildFirstLoader;
import io.genscope.agent.config.ConfigLoader;
import io.genscope.agent.config.RuleSettings;
import io.genscope.runtime.RuntimeLog;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import org.junit.jupiter.api.Test;

import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's transformer on real class loading (Byte Buddy's self-attach, a child-first loader
 * so the fixture classes load afresh): whatever a weaving does, the class still loads.
 */
class AdviceWeaverTest {

    private static final Instrumentation INSTRUMENTATION = ByteBuddyAgent.install();
    private static final URL TEST_CLASSES = AdviceWeaverTest.class.getProtectionDomain().getCodeSource().getLocation();

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> woven = new CopyOnWriteArrayList<>();
    private final ChildFirstLoader loader = new ChildFirstLoader(new URL[] {TEST_CLASSES},
            AdviceWeaverTest.class.getClassLoader());

    @Test
    void aWeavingThatFailsLeavesTheClassAsItWasAndIsReported() throws Exception {
        Class<?> request = loadWhileWeaving("fixture.gen.Request", type -> {
            throw new IllegalStateException("broken weaving");
        });

        Object made = request.getConstructor(String.class, String.class).newInstance("p-1", "a prompt");
        assertThat(made).hasToString("Request[projectId=p-1, prompt=a prompt]");
        assertThat(errors).containsExactly("could not instrument fixture.gen.Request: "
                + "java.lang.IllegalStateException: broken weaving; the class runs uninstrumented");
    }

    @Test
    void aClassThatLoadsWhileAnotherIsBeingWovenIsNeverWovenRecursively() throws Exception {
        loadWhileWeaving("fixture.gen.Request", type -> {
            if (type.getName().equals("fixture.gen.Request")) {
                try {
                    Class.forName("fixture.gen.Result", true, loader);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        assertThat(loader.loadClass("fixture.gen.Result").getClassLoader()).isSameAs(loader);
        assertThat(woven).containsExactly("fixture.gen.Request");
        assertThat(errors).isEmpty();
    }

    /**
     * Loads {@code className} afresh while an {@link AdviceWeaver} is installed whose one weaving
     * records each class it is asked to weave and then runs {@code weave}.
     */
    private Class<?> loadWhileWeaving(String className, Consumer<TypeDescription> weave) throws Exception {
        ClassWeaving weaving = new ClassWeaving() {
            @Override
            public ElementMatcher<? super TypeDescription> types() {
                return nameStartsWith("fixture.gen.");
            }

            @Override
            public DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type) {
                woven.add(type.getName());
                weave.accept(type);
                return builder;
            }
        };
        ClassNameFilter names = ClassNameFilter.of(rulesNaming("fixture.gen.Request", "fixture.gen.Result"),
                MBeanServerHook.OWNER);
        AdviceWeaver weaver = new AdviceWeaver(names, List.of(weaving), new WeavingReport(collectingErrors(), () -> { }));
        INSTRUMENTATION.addTransformer(weaver);
        try {
            return Class.forName(className, true, loader);
        } finally {
            INSTRUMENTATION.removeTransformer(weaver);
        }
    }

    private static List<RuleSettings> rulesNaming(String... classNames) {
        StringBuilder config = new StringBuilder("rules:\n");
        for (String className : classNames) {
            config.append("  - role: generation\n    class: ").append(className).append("\n    method: any\n");
        }
        return ConfigLoader.parse("genscope.yaml", config.toString()).settings().rules();
    }

    private RuntimeLog collectingErrors() {
        return new RuntimeLog() {
            @Override
            public void warn(String message) {
            }

            @Override
            public void error(String message) {
                errors.add(message);
            }
        };
    }
}
