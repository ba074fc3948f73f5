package io.genscope.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "com.acme.*Generator, com.acme.JavaGenerator, true",
        "com.acme.*Generator, com.acme.codegen.JavaGenerator, true",
        "com.acme.*Generator, com.acme.Generator, true",
        "com.acme.*Generator, com.acme.GeneratorFactory, false",
        "com.acme.*Generator, org.acme.JavaGenerator, false",
        "com.acme.Gen?, com.acme.Gen2, true",
        "com.acme.Gen?, com.acme.Gen, false",
        "com.acme.Gen?, com.acme.Gen22, false",
        "*, anything.at.All, true",
        "*a*b*c, xaxbxbxc, true",
        "*a*b*c, xaxbxbxcx, false",
        "com.acme.Outer$*, com.acme.Outer$Inner, true",
    })
    void classGlobMatchesWholeBinaryNames(String pattern, String className, boolean matches) {
        assertThat(new ClassSelector.Glob(pattern).matches(className)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "generate, generate, true",
        "generate, generateAll, false",
        "generate*, generateAll, true",
        "*Code, fixCode, true",
        "valid?te, validate, true",
    })
    void ruleMatchesMethodNamesByItsPattern(String pattern, String methodName, boolean matches) {
        String text = "rules:\n  - role: generation\n    class: a.B\n    method: '" + pattern + "'\n";
        RuleSettings rule = ConfigLoader.parse("genscope.yaml", text).settings().rules().get(0);

        assertThat(rule.matchesMethodName(methodName)).isEqualTo(matches);
    }
}
