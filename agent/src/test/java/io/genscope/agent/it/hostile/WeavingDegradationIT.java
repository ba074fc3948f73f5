package io.genscope.agent.it.hostile;

import io.genscope.agent.it.SampleLaunch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing is silent, and one mistake costs only itself: a method name that matches nothing and
 * an abstract base class each get one WARN line naming the rule, the class and what to do; a
 * misspelled capture is dropped with one line while its rule records everything else; a
 * {@code thrown} path reads the validator's own exception. The host's own output is the same
 * with and without the agent, and Genscope's counts equal the host's.
 */
class WeavingDegradationIT {

    private static final String CONFIG = """
            rules:
              - name: misspelled
                role: generation
                class: fixture.weaving.SpecGenerator
                method: generte
              - name: abstract-base
                role: generation
                class: fixture.weaving.TemplateGenerator
                method: render
              - name: typo-capture
                role: generation
                class: fixture.weaving.SpecGenerator
                method: generate
                capture:
                  model: args[0].model
                  function-name: args[0].functionNme
              - name: spec-validation
                role: validation
                class: fixture.weaving.SpecValidator
                method: validate
                capture:
                  errors:
                    each: thrown.errors
                    type: code
            """;

    private static List<String> without;
    private static List<String> with;

    @TempDir
    static Path directory;

    @BeforeAll
    static void runHost() throws Exception {
        Path config = Files.writeString(directory.resolve("genscope.yaml"), CONFIG);
        without = WeavingHosts.run(List.of());
        with = WeavingHosts.run(List.of(SampleLaunch.agentFlag(config)));
    }

    @Test
    void theHostsOwnOutputIsUnchanged() {
        assertThat(WeavingHosts.hostLines(with)).isNotEmpty().isEqualTo(WeavingHosts.hostLines(without));
    }

    @Test
    void aMethodNameThatMatchesNothingGetsOneWarningWithTheClosestNames() {
        assertThat(WeavingHosts.linesWith(with, "rule 'misspelled'")).singleElement().asString()
                .startsWith("[genscope] WARN ").contains("genscope.yaml:5 rules[0].method","fixture.weaving.SpecGenerator", "'generte'", "closest: generate, ");
    }

    @Test
    void anAbstractBaseClassGetsOneWarningPointingToImplements() {
        assertThat(WeavingHosts.linesWith(with, "rule 'abstract-base'")).singleElement().asString()
                .startsWith("[genscope] WARN ").contains("genscope.yaml:9 rules[1].method","abstract class", "implements: fixture.weaving.TemplateGenerator");
    }

    @Test
    void aMisspelledCaptureIsDroppedWithOneLineAndTheRuleRecordsEverythingElse() {
        assertThat(WeavingHosts.linesWith(with, "typo-capture")).singleElement().asString()
                .contains("genscope.yaml:16 rules[2].capture.function-name", "functionNme", "capture dropped");
        assertThat(WeavingHosts.field(with, "genscope", "generations"))
                .isEqualTo(WeavingHosts.field(without, "host", "generations"));
        assertThat(WeavingHosts.field(with, "genscope", "by-model"))
                .isEqualTo(WeavingHosts.field(without, "host", "by-model"));
    }

    @Test
    void aThrownPathReadsTheErrorsOfTheValidatorsOwnException() {
        assertThat(WeavingHosts.field(with, "genscope", "validations"))
                .isEqualTo(WeavingHosts.field(without, "host", "validations"));
        assertThat(WeavingHosts.field(with, "genscope", "failures"))
                .isEqualTo(WeavingHosts.field(without, "host", "failures"));
        assertThat(WeavingHosts.field(with, "genscope", "errors"))
                .isEqualTo(WeavingHosts.field(without, "host", "errors"));
        assertThat(WeavingHosts.linesWith(with, "spec-validation")).isEmpty();
    }
}
