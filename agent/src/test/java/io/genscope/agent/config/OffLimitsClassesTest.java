package io.genscope.agent.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule that can only name classes of the JDK or of Genscope is refused when the config is read. */
class OffLimitsClassesTest {

    private static List<String> problems(String classSelector) {
        return ConfigLoader.parse("genscope.yaml", """
                rules:
                  - name: r
                    role: generation
                    class: %s
                    method: get*
                """.formatted(classSelector)).problems().stream().map(ConfigProblem::describe).toList();
    }

    @Test
    void aClassOfTheJdkOrOfGenscopeNamedExactlyIsRefusedWithOneLine() {
        assertThat(problems("java.lang.management.ManagementFactory")).containsExactly("genscope.yaml:4 rules[0].class:"
                + " java.lang.management.ManagementFactory names classes of the JDK (java.*), which Genscope never"
                + " instruments, so this rule could never apply; name the generator's own classes (rule 'r' disabled)");
        assertThat(problems("com.sun.tools.javac.main.JavaCompiler")).singleElement().asString().contains("(com.sun.*)");
        assertThat(problems("io.genscope.runtime.Genscope")).singleElement().asString().contains("of Genscope itself");
    }

    @Test
    void aGlobThatCanOnlyMatchTheJdkIsRefusedAndOneThatCanMatchMoreIsNot() {
        assertThat(problems("\"javax.*\"")).singleElement().asString().contains("rules[0].class", "javax.*");
        assertThat(problems("\"java*\"")).isEmpty();
        assertThat(problems("\"*\"")).isEmpty();
        assertThat(problems("\"com.acme.*\"")).isEmpty();
    }
}
