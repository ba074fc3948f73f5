package com.example.codegen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.codegen.JavacValidator;
import com.example.codegen.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TemplateTest {

    private static final JavacValidator VALIDATOR = new JavacValidator();

    @ParameterizedTest
    @EnumSource(Template.class)
    void rendersSourceThatCompiles(Template template) {
        ValidationResult result = VALIDATOR.validate("Sample", template.render("Sample"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.dependencies()).isNotEmpty().allMatch(name -> name.startsWith("java."));
    }

    @ParameterizedTest
    @EnumSource(Template.class)
    void isChosenByItsOwnExamplePrompt(Template template) {
        assertThat(Template.forPrompt("Write " + template.examplePrompt())).isEqualTo(template);
    }

    @Test
    void choosesTheKeywordThatComesFirstSoRepairFeedbackCannotChangeTheChoice() {
        String prompt = "Write a csv parser.\n\nErrors: cannot find symbol LRU cache";

        assertThat(Template.forPrompt(prompt)).isEqualTo(Template.CSV_PARSER);
    }

    @Test
    void rejectsAPromptNoTemplateAnswers() {
        assertThatThrownBy(() -> Template.forPrompt("Write a compiler"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Write a compiler");
    }
}
