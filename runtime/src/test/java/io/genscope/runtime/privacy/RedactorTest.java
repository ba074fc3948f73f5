package io.genscope.runtime.privacy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Redaction masks every match, in a bounded number of steps whatever the pattern, failing closed. */
class RedactorTest {

    @Test
    void masksEveryMatchOfEveryPattern() {
        Redactor redactor = Redactor.of(List.of(Pattern.compile("a+"), Pattern.compile("\\d")));

        assertThat(redactor.redact("baaa 7 a")).isEqualTo("b*** *** ***");
    }

    @Test
    void aCatastrophicPatternIsStoppedAndMasksTheWholeText() {
        Redactor redactor = Redactor.of(List.of(Pattern.compile("(.*a){10}$")));

        assertThat(redactor.redact("a".repeat(32) + "b")).isEqualTo(Redactor.MASK);
    }

    @Test
    void aPatternThatWouldOverflowTheStackMasksTheWholeText() {
        Redactor redactor = Redactor.of(List.of(Pattern.compile("(a|b)*c")));

        assertThat(redactor.redact("ab".repeat(200_000))).isEqualTo(Redactor.MASK);
    }

    @Test
    void builtInPatternsStayWithinTheirBudgetOnTheirWorstInputs() {
        Redactor builtIns = Redactor.withBuiltIns(List.of());

        assertThat(builtIns.redact("a".repeat(10_000))).isEqualTo("a".repeat(10_000));
        assertThat(builtIns.redact("a.".repeat(5_000))).isEqualTo("a.".repeat(5_000));
        assertThat(builtIns.redact("aB1".repeat(6) + " x")).isEqualTo("*** x");
    }

    @Test
    void builtInPatternsMaskSecretsButNotOrdinaryWords() {
        Redactor builtIns = Redactor.withBuiltIns(List.of());

        assertThat(builtIns.redact("password=hunter2 and token: abc, Bearer eyJhbGciOi"))
                .isEqualTo("*** and *** ***");
        assertThat(builtIns.redact("key sk-live-abc and pk_test_xyz, ghp_16C7e42F292c6912E7710c838347Ae178B4a"))
                .isEqualTo("key *** and ***, ***");
        assertThat(builtIns.redact("cannot find symbol in compiler.err.cant.resolve.location"))
                .isEqualTo("cannot find symbol in compiler.err.cant.resolve.location");
    }
}
