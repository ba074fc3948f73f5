package io.genscope.agent.reload;

import io.genscope.agent.config.ConfigLoader;
import io.genscope.agent.config.GenscopeSettings;
import io.genscope.agent.config.LoadedConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reload would change: rules added, removed, changed, unchanged, and settings needing a restart. */
class ConfigDiffTest {

    private static final String GENERATE = """
              - name: generate
                role: generation
                class: com.acme.Gen
                method: generate
                capture:
                  model: this.model
            """;
    private static final String REPAIR = """
              - name: repair
                role: retry
                class: com.acme.Gen
                method: repair
            """;
    private static final String VALIDATE = """
              - name: validate
                role: validation
                class: com.acme.Check
                method: check
                capture:
                  errors:
                    each: return.errors
                    type-pattern: '^(\\w+):'
            """;

    @Test
    void rulesAreAddedRemovedChangedOrUnchangedByName() {
        GenscopeSettings inUse = settings("rules:\n" + GENERATE + REPAIR);
        GenscopeSettings read = settings("rules:\n" + GENERATE.replace("this.model", "this.modelName") + VALIDATE);

        ConfigDiff diff = ConfigDiff.of(inUse, read);

        assertThat(diff.added()).containsExactly("validate");
        assertThat(diff.removed()).containsExactly("repair");
        assertThat(diff.changed()).containsExactly("generate");
        assertThat(diff.unchanged()).isEmpty();
        assertThat(diff.changesRules()).isTrue();
    }

    @Test
    void aRuleThatOnlyMovedInTheFileIsUnchangedEvenWithAPatternWhichHasNoEquals() {
        GenscopeSettings inUse = settings("rules:\n" + GENERATE + VALIDATE);
        GenscopeSettings read = settings("log-level: debug\n\nrules:\n" + VALIDATE + REPAIR + GENERATE);

        ConfigDiff diff = ConfigDiff.of(inUse, read);

        assertThat(diff.unchanged()).containsExactly("validate", "generate");
        assertThat(diff.unchangedNames()).containsExactlyInAnyOrder("validate", "generate");
        assertThat(diff.added()).containsExactly("repair");
        assertThat(diff.changed()).isEmpty();
        assertThat(diff.needRestart()).as("log-level changes live").isEmpty();
    }

    @Test
    void aChangedSelectorParameterOrCaptureIsAChange() {
        GenscopeSettings inUse = settings("rules:\n" + VALIDATE);

        assertThat(ConfigDiff.of(inUse, settings("rules:\n" + VALIDATE.replace("method: check", "method: verify")))
                .changed()).containsExactly("validate");
        assertThat(ConfigDiff.of(inUse, settings("rules:\n" + VALIDATE.replace("class: com.acme.Check",
                "class: com.acme.Check\n    parameters: [java.lang.String]"))).changed()).containsExactly("validate");
        assertThat(ConfigDiff.of(inUse, settings("rules:\n" + VALIDATE.replace("^(\\w+):", "^(\\w+)-")))
                .changed()).containsExactly("validate");
        assertThat(ConfigDiff.of(inUse, settings("rules:\n" + VALIDATE)).unchanged()).containsExactly("validate");
    }

    @Test
    void storeMetricsAlertsEnabledAndReportOnExitNeedARestartWithTheirValues() {
        GenscopeSettings inUse = settings("store:\n  resolution: 1m\n  redact: ['secret-\\d+']\n\nrules:\n" + GENERATE);
        GenscopeSettings read = settings("""
                report-on-exit: true
                store:
                  resolution: 30s
                  redact: ['secret-\\d+']
                  max-models: 20
                metrics:
                  port: 9464
                alerts:
                  validation-failure-rate:
                    fire-above: 0.5
                    recover-below: 0.2
                rules:
                """ + GENERATE);

        ConfigDiff diff = ConfigDiff.of(inUse, read);

        assertThat(diff.needRestart()).contains("report-on-exit: false -> true", "store.resolution: 1m -> 30s",
                "store.max-models: 10 -> 20");
        assertThat(diff.needRestart()).anyMatch(line -> line.startsWith("metrics.port: "))
                .anyMatch(line -> line.startsWith("alerts: "))
                .noneMatch(line -> line.startsWith("store.redact"));
        assertThat(diff.unchanged()).containsExactly("generate");
        assertThat(diff.changesRules()).isFalse();
    }

    private static GenscopeSettings settings(String yaml) {
        LoadedConfig loaded = ConfigLoader.parse("genscope.yaml", yaml);
        assertThat(loaded.problems()).as(yaml).isEmpty();
        return loaded.settings();
    }
}
