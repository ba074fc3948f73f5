package com.example.codegen.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void defaultsToSixtyRequestsWithSeedFortyTwo() {
        assertThat(RunOptions.parse()).isEqualTo(new RunOptions(60, 42, 0, false, false, false, false, ""));
    }

    @Test
    void readsEveryOption() {
        assertThat(RunOptions.parse("--seed", "-7", "--keep-running", "--requests", "5", "--pause-after", "4", "--times", "--batch",
                        "--help", "--user-prefix", "x-"))
                .isEqualTo(new RunOptions(5, -7, 4, true, true, true, true, "x-"));
    }

    @Test
    void rejectsAnUnknownOption() {
        assertThatThrownBy(() -> RunOptions.parse("--fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option: --fast");
    }

    @Test
    void rejectsAMissingOrBadValue() {
        assertThatThrownBy(() -> RunOptions.parse("--requests")).hasMessage("--requests needs a value");
        assertThatThrownBy(() -> RunOptions.parse("--seed", "x")).hasMessage("--seed needs a whole number, not x");
        assertThatThrownBy(() -> RunOptions.parse("--requests", "0")).hasMessage("--requests must be at least 1: 0");
        assertThatThrownBy(() -> RunOptions.parse("--pause-after", "0")).hasMessage("--pause-after must be at least 1: 0");
    }

    @Test
    void pausesOnlyWithRequestsLeftToSend() {
        assertThatThrownBy(() -> RunOptions.parse("--pause-after", "60"))
                .hasMessage("--pause-after must be below --requests (60): 60");
    }
}
