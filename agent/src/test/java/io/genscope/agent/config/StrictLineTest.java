package io.genscope.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StrictLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"strict: true", "strict:true", "strict: True  # refuse any problem", "strict: \"true\"",
        "strict: 'TRUE'", "log-level: info\r\nstrict: true\r\nrules: [", "\uFEFFstrict: true"})
    void aTopLevelStrictTrueLineIsFound(String text) {
        assertThat(StrictLine.in(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"strict: false", "  strict: true", "# strict: true", "strict: true-ish", "nonstrict: true",
        "{strict: true}", "strict: yes"})
    void anythingElseIsNot(String text) {
        assertThat(StrictLine.in(text)).isFalse();
    }

    @Test
    void bytesThatAreNotUtf8AreScannedAllTheSame() {
        byte[] bytes = "# caf\u00e9 in Latin-1\nstrict: true\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(StrictLine.in(bytes)).isTrue();
    }
}
