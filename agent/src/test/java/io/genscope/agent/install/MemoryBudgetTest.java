package io.genscope.agent.install;

import io.genscope.agent.config.ConfigLoader;
import io.genscope.agent.config.ConfigProblem;
import io.genscope.agent.config.GenscopeSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget check: the defaults fit it; a config over it is one problem naming the setting to lower. */
class MemoryBudgetTest {

    private static final String RULE = """
            rules:
              - name: generate
                role: generation
                class: com.acme.Generator
                method: generate
            """;

    @Test
    void theDefaultsFitTheDefaultBudget() {
        assertThat(check(RULE)).isEmpty();
    }

    @Test
    void aConfigOverTheBudgetIsOneFatalProblemNamingTheSettingToLower() {
        ConfigProblem problem = check("store:\n  event-ring-size: 1000000\n" + RULE).orElseThrow();

        assertThat(problem.severity()).isEqualTo(ConfigProblem.Severity.FATAL);
        assertThat(problem.describe()).startsWith("genscope.yaml store: the store's worst case, ")
                .contains("is over store.max-memory (64.0 MB); lower store.event-ring-size, or raise store.max-memory")
                .doesNotContain("\n");
    }

    @Test
    void aLargerBudgetLetsTheSameConfigStart() {
        assertThat(check("store:\n  event-ring-size: 1000000\n  max-memory: 16GB\n" + RULE)).isEmpty();
    }

    @Test
    void aFinerResolutionOverTheBudgetNamesTheRetention() {
        ConfigProblem problem = check("store:\n  resolution: 100ms\n  window: 1h\n  retention: 2h\n" + RULE)
                .orElseThrow();

        assertThat(problem.message()).contains("lower store.retention (or raise store.resolution)");
    }

    private static Optional<ConfigProblem> check(String yaml) {
        GenscopeSettings settings = ConfigLoader.parse("genscope.yaml", yaml).settings();
        return MemoryBudget.check(Path.of("genscope.yaml"), settings);
    }
}
