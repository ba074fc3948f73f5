package io.genscope.agent.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code store.windows}: each window a whole multiple of the resolution within the retention,
 * distinct, at most eight; a bad one is skipped on its own with a line naming the file, line and
 * item, and the others are still shown.
 */
class StoreWindowsTest {

    private static LoadedConfig load(String store) {
        return OneRuleConfig.load("genscope.yaml", "store:\n" + store);
    }

    @Test
    void noWindowsByDefault() {
        LoadedConfig loaded = OneRuleConfig.load("genscope.yaml", "");

        assertThat(loaded.settings().store().windows()).isEmpty();
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void windowsAreReadInTheOrderGiven() {
        LoadedConfig loaded = load("  retention: 1d\n  windows: [1h, 5m, 24h, PT30M]\n");

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.settings().store().windows()).containsExactly(Duration.ofHours(1), Duration.ofMinutes(5),
                Duration.ofDays(1), Duration.ofMinutes(30));
    }

    @Test
    void eachBadWindowIsSkippedOnItsOwnLineAndTheOthersKept() {
        LoadedConfig loaded = load("""
                  resolution: 1m
                  retention: 1h
                  windows:
                    - 5m
                    - 90s
                    - 2h
                    - 5m
                    - abc
                    - 30s
                    - 1h
                """);

        assertThat(loaded.settings().store().windows()).containsExactly(Duration.ofMinutes(5), Duration.ofHours(1));
        assertThat(loaded.problems()).extracting(ConfigProblem::describe).containsExactly(
                "genscope.yaml:6 store.windows[1]: window 90s is not a whole multiple of resolution 1m (window skipped)",
                "genscope.yaml:7 store.windows[2]: window 2h is longer than retention 1h (window skipped)",
                "genscope.yaml:8 store.windows[3]: 5m is listed twice (window skipped)",
                "genscope.yaml:9 store.windows[4]: 'abc' is not a duration; use " + Durations.FORMS + " (window skipped)",
                "genscope.yaml:10 store.windows[5]: window 30s is not a whole multiple of resolution 1m (window skipped)");
    }

    @Test
    void windowsPastTheEighthAreSkipped() {
        String nine = IntStream.rangeClosed(1, 9).mapToObj(i -> i + "m").collect(Collectors.joining(", ", "[", "]"));

        LoadedConfig loaded = load("  windows: " + nine + "\n");

        assertThat(loaded.settings().store().windows()).hasSize(8).last().isEqualTo(Duration.ofMinutes(8));
        assertThat(loaded.problems()).extracting(ConfigProblem::describe)
                .containsExactly("genscope.yaml:2 store.windows[8]: more than 8 windows (window skipped)");
    }

    @Test
    void windowsAreCheckedAgainstTheSlicingInForce() {
        // resolution 7s does not fit the retention of 2h, so all three take their defaults (1m, 1h)
        LoadedConfig loaded = load("  resolution: 7s\n  retention: 2h\n  windows: [7s, 2h, 10m]\n");

        assertThat(loaded.settings().store().windows()).containsExactly(Duration.ofMinutes(10));
        assertThat(loaded.problems()).extracting(ConfigProblem::describe).anySatisfy(line -> assertThat(line)
                .isEqualTo("genscope.yaml:4 store.windows[1]: window 2h is longer than retention 1h (window skipped)"));
    }

    @Test
    void windowsThatAreNoListTakeTheDefault() {
        LoadedConfig loaded = load("  windows: 5m\n");

        assertThat(loaded.settings().store().windows()).isEmpty();
        assertThat(loaded.problems()).extracting(ConfigProblem::describe).singleElement().asString()
                .startsWith("genscope.yaml:2 store.windows: expected a list of durations").endsWith("(using the default [])");
    }
}
