package com.example.codegen.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.codegen.JsonParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesNestedMapsAndListsInTheirOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", 2);
        inner.put("a", 1L);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("name", "codex-mini");
        outer.put("counts", inner);
        outer.put("empty", Map.of());
        outer.put("times", List.of(3L, 1L, 2L));
        outer.put("none", List.of());

        assertThat(Json.write(outer)).isEqualTo(
                "{\"name\":\"codex-mini\",\"counts\":{\"b\":2,\"a\":1},\"empty\":{},\"times\":[3,1,2],\"none\":[]}");
    }

    @Test
    void escapesStringsSoTheyReadBackUnchanged() {
        String nasty = "quote \" backslash \\ newline \n tab \t bell \u0007 é";

        String json = Json.write(Map.of(nasty, nasty));

        assertThat(json).doesNotContain("\n");
        assertThat(JsonParser.parse(json)).isEqualTo(Map.of(nasty, nasty));
    }

    @Test
    void rejectsWhatItCannotWrite() {
        assertThatThrownBy(() -> Json.write(Map.of("flag", true))).isInstanceOf(IllegalArgumentException.class);
    }
}
