package io.genscope.agent.matching;

import fixture.weave.MatchShapes;
import io.genscope.agent.capture.MethodNames;
import io.genscope.agent.config.ConfigLoader;
import io.genscope.agent.config.LoadedConfig;
import io.genscope.agent.config.RuleSettings;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule's selectors answer from a class file's {@link ClassOutline} exactly as Byte Buddy's
 * matchers do from the class's description, for class names and globs, method names and globs,
 * parameter lists, and the methods no rule instruments (constructors, bridges, synthetic,
 * abstract, native); and the methods' readable names are the same.
 */
class ClassOutlineMatchingTest {

    private static final List<Class<?>> CLASSES = List.of(MatchShapes.class, MatchShapes.Inner.class,
            MatchShapes.Generating.class, fixture.weave.CallShapes.class);

    private static final List<String> SELECTORS = List.of(
            "class: fixture.weave.MatchShapes\n    method: generate*",
            "class: fixture.weave.MatchShapes\n    method: '*'",
            "class: fixture.weave.MatchShapes$Generating\n    method: generate",
            "class: 'fixture.weave.*'\n    method: '*'",
            "class: 'fixture.weave.Match*'\n    method: gen?rate",
            "class: fixture.weave.CallShapes\n    method: '*'",
            "class: fixture.weave.MatchShapes\n    method: generate\n    parameters: [java.lang.String, int]",
            "class: fixture.weave.MatchShapes\n    method: generate\n    parameters: ['java.lang.String[]', 'long[][]',"
                    + " fixture.weave.MatchShapes$Inner, java.util.Map$Entry]",
            "class: fixture.weave.MatchShapes\n    method: generateAll\n    parameters: [byte, char, short, boolean, float,"
                    + " double]",
            "class: fixture.weave.MatchShapes\n    method: generate\n    parameters: []",
            "class: 'fixture.*Shapes'\n    method: '*s'");

    /**
     * A nested class's modifiers are those of its own {@code InnerClasses} entry, in place of the
     * class file's (which has {@code public} for a {@code protected} class, and never {@code static}),
     * as in Byte Buddy's description.
     */
    @Test
    void theOutlineHasTheModifiersTheDescriptionHas() throws IOException {
        TypePool pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.of(getClass().getClassLoader()));
        List<Class<?>> types = new ArrayList<>(CLASSES);
        types.add(Guarded.class);
        for (Class<?> type : types) {
            assertThat(ClassOutline.read(classFile(type)).access()).as(type.getName())
                    .isEqualTo(pool.describe(type.getName()).resolve().getModifiers());
        }
    }

    /** A {@code protected} nested class: its class file says {@code public}. */
    protected static final class Guarded {
    }

    @Test
    void theOutlineSelectsWhatTheDescriptionSelects() throws IOException {
        TypePool pool = TypePool.Default.of(ClassFileLocator.ForClassLoader.of(getClass().getClassLoader()));
        int methodsCompared = 0;
        for (String selector : SELECTORS) {
            LoadedConfig config = ConfigLoader.parse("genscope.yaml", "rules:\n  - role: generation\n    " + selector + "\n");
            assertThat(config.problems()).as(selector).isEmpty();
            RuleSettings rule = config.settings().rules().get(0);
            for (Class<?> type : CLASSES) {
                ClassOutline outline = ClassOutline.read(classFile(type));
                TypeDescription described = pool.describe(type.getName()).resolve();
                assertThat(RuleMatchers.selectsByName(rule, outline)).as(selector + " on " + type.getName())
                        .contains(RuleMatchers.types(rule).matches(described));
                for (ClassOutline.Method method : outline.methods()) {
                    if (method.name().equals("<clinit>")) { // Byte Buddy's description does not list it
                        assertThat(RuleMatchers.selects(rule, method)).isFalse();
                        continue;
                    }
                    MethodDescription declared = described.getDeclaredMethods().stream()
                            .filter(m -> m.getInternalName().equals(method.name())
                                    && m.getDescriptor().equals(method.descriptor()))
                            .findFirst().orElseThrow();
                    assertThat(RuleMatchers.selects(rule, method)).as(selector + " on " + method)
                            .isEqualTo(RuleMatchers.methods(rule).matches(declared));
                    if (!method.name().startsWith("<")) { // constructors are never instrumented, nor named
                        assertThat(MethodNames.of(outline.name(), method.name(), method.descriptor()))
                                .isEqualTo(MethodNames.of(declared));
                    }
                    methodsCompared++;
                }
            }
        }
        assertThat(methodsCompared).isGreaterThan(200);
    }

    @Test
    void anImplementsSelectorOrAnAnnotationNeedsTheDescription() {
        RuleSettings subtype = ConfigLoader.parse("genscope.yaml", "rules:\n  - role: generation\n"
                + "    implements: java.lang.Comparable\n    method: '*'\n").settings().rules().get(0);
        RuleSettings annotated = ConfigLoader.parse("genscope.yaml", "rules:\n  - role: generation\n"
                + "    class: fixture.weave.MatchShapes\n    method: '*'\n    annotation: java.lang.Deprecated\n")
                .settings().rules().get(0);

        assertThat(RuleMatchers.selectsByName(subtype, new ClassOutline("fixture.weave.MatchShapes", 0, List.of())))
                .isEmpty();
        assertThat(RuleMatchers.methodsByDeclaration(annotated)).isFalse();
        assertThat(RuleMatchers.methodsByDeclaration(subtype)).isTrue();
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }
}
