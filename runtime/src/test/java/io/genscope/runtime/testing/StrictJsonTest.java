package io.genscope.runtime.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checker the export tests rely on must itself reject what is not JSON. */
class StrictJsonTest {

    @Test
    void parsesNestedValues() {
        assertThat(StrictJson.parse(" {\"a\": [1, -2.5e3, true, null, \"x\\u0041\\n\"], \"b\": {}} "))
                .isEqualTo(Map.of("a", java.util.Arrays.asList(1.0, -2500.0, true, null, "xA\n"), "b", Map.of()));
        assertThat(StrictJson.parse("[]")).isEqualTo(List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,]", "{\"a\":1,}", "[\"raw\nnewline\"]", "[\"tab\there\"]", "{\"a\":1,\"a\":2}",
            "[\"unterminated]", "[01]", "[1.]", "[\"bad \\x escape\"]", "{'a':1}", "[1] 2", "{\"a\" 1}", ""})
    void rejectsInvalidJson(String text) {
        assertThatThrownBy(() -> StrictJson.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
