package io.genscope.runtime.capture;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Captured objects become metadata: names, lengths, flags and lists of names, never content. */
class CapturedValuesTest {

    enum Shouting {
        LOUD {
            @Override
            public String toString() {
                return "quiet";
            }
        }
    }

    @Test
    void nameIsTheTextOfStringsNumbersAndEnumConstantNamesAndTheClassNameOfTypes() {
        assertThat(CapturedValues.name("gpt-4")).isEqualTo("gpt-4");
        assertThat(CapturedValues.name(42)).isEqualTo("42");
        assertThat(CapturedValues.name(Shouting.LOUD)).isEqualTo("LOUD");
        assertThat(CapturedValues.name(TimeUnit.class)).isEqualTo("java.util.concurrent.TimeUnit");
        assertThat(CapturedValues.name(null)).isNull();
    }

    @Test
    void nameIsCutToTheMaximumNameLength() {
        String name = CapturedValues.name("x".repeat(CapturedValues.MAX_NAME_LENGTH + 50));

        assertThat(name).hasSize(CapturedValues.MAX_NAME_LENGTH);
    }

    @Test
    void lengthOfNumbersTextsCollectionsMapsAndArrays() {
        assertThat(CapturedValues.length(17L)).isEqualTo(17);
        assertThat(CapturedValues.length(new StringBuilder("abc"))).isEqualTo(3);
        assertThat(CapturedValues.length(Set.of(1, 2))).isEqualTo(2);
        assertThat(CapturedValues.length(Map.of("a", 1))).isEqualTo(1);
        assertThat(CapturedValues.length(new long[4])).isEqualTo(4);
        assertThat(CapturedValues.length(null)).isEqualTo(-1);
    }

    @Test
    void lengthOfAValueWithoutOneFailsNamingItsClass() {
        assertThatThrownBy(() -> CapturedValues.length(new Object()))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void flagIsABooleanOrAbsent() {
        assertThat(CapturedValues.flag(Boolean.FALSE)).isFalse();
        assertThat(CapturedValues.flag(null)).isNull();
        assertThatThrownBy(() -> CapturedValues.flag("true"))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void elementsOfIterablesAndArraysAndASingleValueAsOneElement() {
        assertThat(CapturedValues.elements(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(CapturedValues.elements(new int[] {1, 2})).containsExactly(1, 2);
        assertThat(CapturedValues.elements("single")).containsExactly("single");
        assertThat(CapturedValues.elements(null)).isEmpty();
    }

    @Test
    void namesSkipNullElements() {
        assertThat(CapturedValues.names(Arrays.asList("junit", null, Shouting.LOUD))).containsExactly("junit", "LOUD");
    }
}
