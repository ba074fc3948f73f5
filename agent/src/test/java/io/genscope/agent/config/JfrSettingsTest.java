package io.genscope.agent.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code jfr} section: events on by default, off when asked, a bad value named by file and line. */
class JfrSettingsTest {

    private static final String FILE = "genscope.yaml";

    @Test
    void eventsAreOnByDefaultAndOffWhenAsked() {
        LoadedConfig defaults = OneRuleConfig.load(FILE, "enabled: true\n");
        assertThat(defaults.problems()).isEmpty();
        assertThat(defaults.settings().jfr()).isEqualTo(new JfrSettings(true));

        LoadedConfig off = OneRuleConfig.load(FILE, "jfr:\n  events: false\n");
        assertThat(off.problems()).isEmpty();
        assertThat(off.settings().jfr().events()).isFalse();
    }

    @Test
    void aBadValueOrKeyIsNamedByFileLineAndFieldAndTheDefaultStays() {
        LoadedConfig loaded = OneRuleConfig.load(FILE, """
                jfr:
                  events: sometimes
                  event: false
                """);
        assertThat(loaded.problems()).extracting(ConfigProblem::describe).containsExactly(
                FILE + ":2 jfr.events: 'sometimes' is not true or false (using the default true)",
                FILE + ":3 jfr.event: unknown key 'event' (did you mean 'events'?); valid keys here: events (ignored)");
        assertThat(loaded.settings().jfr().events()).isTrue();
    }
}
