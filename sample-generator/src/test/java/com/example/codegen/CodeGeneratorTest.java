package com.example.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeGeneratorTest {

    private static final GenerationRequest REQUEST =
            new GenerationRequest("billing", "Write a Java class Greeter: says hello.", "Greeter");
    private static final String VALID = """
            import java.util.Locale;

            public class Greeter {
                String hello(String name) {
                    return "Hello, " + name.toUpperCase(Locale.ROOT);
                }
            }
            """;
    private static final String MISSING_SEMICOLON = "public class Greeter {\n    int count = 0\n}\n";

    private static final JavacValidator VALIDATOR = new JavacValidator();

    private final RecordingListener listener = new RecordingListener();

    @Test
    void returnsTheFirstAnswerWhenItCompiles() {
        ScriptedModel model = new ScriptedModel(VALID);

        GeneratedCode code = new CodeGenerator(model, VALIDATOR, 3, listener).generate(REQUEST);

        assertThat(code).isEqualTo(new GeneratedCode("billing", "Greeter", VALID, List.of("java.util"), 1));
        assertThat(model.calls()).containsExactly(new ScriptedModel.Call(REQUEST.prompt(), 1));
        assertThat(listener.events).containsExactly("validated ok");
    }

    @Test
    void retriesWithTheCompilerErrorsThenSucceeds() {
        ScriptedModel model = new ScriptedModel(MISSING_SEMICOLON, VALID);

        GeneratedCode code = new CodeGenerator(model, VALIDATOR, 3, listener).generate(REQUEST);

        assertThat(code.attempts()).isEqualTo(2);
        assertThat(code.source()).isEqualTo(VALID);
        assertThat(model.calls()).extracting(ScriptedModel.Call::attempt).containsExactly(1, 2);
        assertThat(model.calls().get(1).prompt())
                .startsWith(REQUEST.prompt())
                .contains("compiler.err.expected: ';' expected");
        assertThat(listener.events).containsExactly("validated failed", "repair", "validated ok");
    }

    @Test
    void throwsNamingProjectAndAttemptsWhenNoAnswerCompiles() {
        ScriptedModel model = new ScriptedModel(MISSING_SEMICOLON, MISSING_SEMICOLON, MISSING_SEMICOLON);
        CodeGenerator generator = new CodeGenerator(model, VALIDATOR, 3, listener);

        assertThatThrownBy(() -> generator.generate(REQUEST))
                .isInstanceOf(GenerationFailedException.class)
                .hasMessageContaining("billing")
                .hasMessageContaining("3 attempts");
        assertThat(model.calls()).extracting(ScriptedModel.Call::attempt).containsExactly(1, 2, 3);
        assertThat(listener.events).containsExactly(
                "validated failed", "repair", "validated failed", "repair", "validated failed");
    }

    @Test
    void letsAModelOutagePassThroughUnchanged() {
        ModelUnavailableException outage = new ModelUnavailableException("down");
        ScriptedModel model = new ScriptedModel(MISSING_SEMICOLON, outage);
        CodeGenerator generator = new CodeGenerator(model, VALIDATOR, 3, listener);

        assertThatThrownBy(() -> generator.generate(REQUEST)).isSameAs(outage);
        assertThat(listener.events).containsExactly("validated failed", "repair");
    }

    @Test
    void asksOnlyOnceWhenAllowedOneAttempt() {
        ScriptedModel model = new ScriptedModel(MISSING_SEMICOLON);
        CodeGenerator generator = new CodeGenerator(model, VALIDATOR, 1);

        assertThatThrownBy(() -> generator.generate(REQUEST)).hasMessageEndingWith("after 1 attempt");
        assertThat(model.calls()).hasSize(1);
    }

    @Test
    void namesItsModel() {
        assertThat(new CodeGenerator(new ScriptedModel(), VALIDATOR, 3).modelName()).isEqualTo("scripted");
    }

    private static final class RecordingListener implements GenerationListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void validated(ValidationResult result) {
            events.add(result.ok() ? "validated ok" : "validated failed");
        }

        @Override
        public void repairStarted() {
            events.add("repair");
        }
    }
}
