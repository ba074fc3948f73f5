package com.example.codegen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.codegen.CodeModel;
import com.example.codegen.ModelUnavailableException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SimulatedModelTest {

    private static final int PROMPTS = 400;

    @Test
    void answersTheSameWayForTheSameSeedPromptAndAttempt() {
        String prompt = prompt(7);

        assertThat(new CodexMini(42).complete(prompt, 2)).isEqualTo(new CodexMini(42).complete(prompt, 2));
    }

    @Test
    void declaresTheClassThePromptNames() {
        String answer = new CodexPro(1).complete("Write a Java class SearchResultCache: an LRU cache.", 1);

        assertThat(answer).contains("public final class SearchResultCache<K, V>");
    }

    @Test
    void proBreaksFewerAnswersThanMini() {
        assertThat(broken(new CodexPro(42), 1)).isLessThan(broken(new CodexMini(42), 1) / 2);
    }

    @Test
    void laterAttemptsAreBrokenLessOften() {
        CodexMini mini = new CodexMini(42);

        assertThat(broken(mini, 3)).isLessThan(broken(mini, 2)).isLessThan(broken(mini, 1));
    }

    @Test
    void sometimesGivesNoAnswerAtAll() {
        CodexMini mini = new CodexMini(42);
        String silent = IntStream.range(0, PROMPTS).mapToObj(SimulatedModelTest::prompt)
                .filter(prompt -> answers(mini, prompt, 1) == null)
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> mini.complete(silent, 1))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("codex-mini");
    }

    /** How many of {@link #PROMPTS} prompts get a broken answer at this attempt. */
    private static long broken(CodeModel model, int attempt) {
        return IntStream.range(0, PROMPTS).mapToObj(SimulatedModelTest::prompt)
                .filter(prompt -> {
                    String answer = answers(model, prompt, attempt);
                    return answer != null && !answer.equals(Template.forPrompt(prompt).render("Cache"));
                })
                .count();
    }

    /** The answer, or null when the model is unavailable. */
    private static String answers(CodeModel model, String prompt, int attempt) {
        try {
            return model.complete(prompt, attempt);
        } catch (ModelUnavailableException e) {
            return null;
        }
    }

    private static String prompt(int ticket) {
        return "Write a Java class Cache: an LRU cache. Ticket " + ticket + ".";
    }
}
