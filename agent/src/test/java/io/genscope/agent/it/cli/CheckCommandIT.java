package io.genscope.agent.it.cli;

import io.genscope.agent.it.SampleLaunch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar genscope-agent.jar check <config> --class-path <...>}: the methods each rule
 * would instrument, read from class files, and for a broken config the very lines a real
 * {@code -javaagent} run of the sample prints for it.
 */
class CheckCommandIT {

    private static final String SAMPLE_JAR = SampleLaunch.SAMPLE_JAR.toString();
    private static final String RULE = SampleLaunch.ONE_RULE_CONFIG;

    @TempDir
    Path directory;

    @Test
    void theSampleConfigHasNoProblemAndListsEveryRulesMethods() throws Exception {
        AgentCommandLine check = AgentCommandLine.run("check", SampleLaunch.SAMPLE_CONFIG.toString(),
                "--class-path", SAMPLE_JAR);

        assertThat(check.status()).as("exit status").isZero();
        assertThat(check.stdout())
                .contains("  instruments com.example.codegen.CodeGenerator#generate(GenerationRequest)",
                        "  instruments com.example.codegen.CodeGenerator#repair(GenerationRequest, ValidationResult, int)",
                        "  instruments com.example.codegen.JavacValidator#validate(String, String)",
                        "  capture.model 'this.model.name': type-checked on every method",
                        "no problems")
                .noneMatch(line -> line.startsWith("[genscope]"));
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("misspelled method", RULE.replace("method: generate", "method: generat"),
                        "[genscope] WARN", "none of its methods matches 'generat'; closest: generate"),
                Arguments.of("missing class", RULE.replace("CodeGenerator", "CodeGenerater"),
                        "[genscope] INFO", "classes not on the application class path at start: com.example.codegen.CodeGenerater"),
                Arguments.of("capture path that does not resolve", RULE.replace("projectId", "projectIdentifier"),
                        "[genscope] ERROR", "'projectIdentifier' is not a field, getter or no-arg method"),
                Arguments.of("bad value", "store:\n  event-ring-size: lots\n" + RULE,
                        "[genscope] ERROR", "store.event-ring-size: 'lots' is not a whole number"),
                Arguments.of("success-when that is no boolean", RULE + "    success-when: return.source\n",
                        "[genscope] ERROR", "'return.source' is a java.lang.String on com.example.codegen.CodeGenerator"
                                + "#generate(GenerationRequest); success-when needs a boolean or Boolean (capture dropped"
                                + " for com.example.codegen.CodeGenerator#generate(GenerationRequest) only, whose"
                                + " generations now succeed when they return normally"),
                Arguments.of("success-when not on the result", RULE + "    success-when: args[0].projectId\n",
                        "[genscope] ERROR", "rules[0].success-when: 'args[0].projectId' is read on argument; it must"
                                + " read the result, as in return.ok"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeFailsTheCheckWithTheLinesTheAgentPrintsAtRunTime(String mistake, String config, String level,
                                                                  String problem) throws Exception {
        Path file = Files.writeString(directory.resolve("genscope.yaml"), config);
        List<String> atRunTime = AgentRun.of(file).stream().filter(line -> line.contains(file + ":")).toList();

        AgentCommandLine check = AgentCommandLine.run("check", file.toString(), "--class-path", SAMPLE_JAR);

        assertThat(atRunTime).as("the run-time lines of a " + mistake)
                .anyMatch(line -> line.startsWith(level) && line.contains(problem));
        assertThat(check.status()).as("exit status").isEqualTo(1);
        assertThat(check.stdout()).as("check output").containsAll(atRunTime);
    }

    @Test
    void theBatchConfigHasNoProblemAndChecksItsSuccessWhen() throws Exception {
        AgentCommandLine check = AgentCommandLine.run("check",
                SampleLaunch.SAMPLE_CONFIG.resolveSibling("genscope-batch.yaml").toString(), "--class-path", SAMPLE_JAR);

        assertThat(check.status()).as("exit status").isZero();
        assertThat(check.stdout())
                .anyMatch(line -> line.startsWith("rule 'handle' (") && line.endsWith(", request, class:"
                        + " com.example.codegen.batch.SpecService):"))
                .contains("  instruments com.example.codegen.batch.SpecService#handle(String, GenerationRequest)",
                        "  success-when 'return.ok': type-checked on every method",
                        "  failure-type 'return.errorCode': type-checked on every method", "no problems");
    }

    @Test
    void anImplementsRuleAndAGlobListTheClassesTheySelect() throws Exception {
        Path file = Files.writeString(directory.resolve("genscope.yaml"), """
                rules:
                  - name: models
                    role: generation
                    implements: com.example.codegen.CodeModel
                    method: complete
                  - name: validators
                    role: validation
                    class: com.example.codegen.Javac*
                    method: validate
                """);

        AgentCommandLine check = AgentCommandLine.run("check", file.toString(), "--class-path", SAMPLE_JAR);

        assertThat(check.status()).as("exit status").isZero();
        assertThat(check.stdout()).containsSubsequence(
                "rule 'models' (" + file + ":2 rules[0], generation, implements: com.example.codegen.CodeModel):",
                "  instruments com.example.codegen.model.SimulatedModel#complete(String, int)",
                "rule 'validators' (" + file + ":6 rules[1], validation, class: com.example.codegen.Javac*):",
                "  instruments com.example.codegen.JavacValidator#validate(String, String)",
                "no problems");
    }

    @Test
    void anAnnotationRuleListsOnlyTheAnnotatedMethodOfAClassDirectory() throws Exception {
        Path file = Files.writeString(directory.resolve("genscope.yaml"), """
                rules:
                  - name: annotated
                    role: generation
                    class: fixture.gen.Annotated*
                    annotation: fixture.gen.Generates
                """);
        String classPath = SampleLaunch.TEST_CLASSES + File.pathSeparator + SAMPLE_JAR;

        AgentCommandLine check = AgentCommandLine.run("check", file.toString(), "--class-path", classPath);

        assertThat(check.status()).as("exit status").isZero();
        assertThat(check.stdout()).contains("  instruments fixture.gen.AnnotatedGenerator#scaffold(String)")
                .noneMatch(line -> line.contains("#sketch("));
    }

    @Test
    void aCommandLineWithoutClassPathGetsItsUsageAndStatusTwo() throws Exception {
        AgentCommandLine check = AgentCommandLine.run("check", SampleLaunch.SAMPLE_CONFIG.toString());

        assertThat(check.status()).isEqualTo(2);
        assertThat(check.stderr()).singleElement().asString()
                .startsWith("usage: java -jar genscope-agent.jar check <genscope.yaml> --class-path");
    }
}
