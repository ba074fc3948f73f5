package io.genscope.agent.config;

import io.genscope.agent.config.ConfigProblem.Severity;
import io.genscope.runtime.Role;
import io.genscope.runtime.alerts.AlertCondition;
import io.genscope.runtime.alerts.AlertDefinition;
import io.genscope.runtime.alerts.AlertScope;
import io.genscope.runtime.alerts.AlertSettings;
import io.genscope.runtime.analytics.compare.ComparisonSettings;
import io.genscope.runtime.privacy.ErrorMessages;
import io.genscope.runtime.store.TelemetrySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigLoaderTest {

    /** Stands in for the origin in expected rules; comparisons ignore it. */
    private static final ConfigOrigin ANY_ORIGIN = new ConfigOrigin("", "", 0, Map.of());

    private static final String FULL = """
            enabled: true
            strict: true
            log-level: debug
            store:
              event-ring-size: 5_000
              window: 30m
              resolution: 30s
              retention: PT2H
              max-error-types: 10
              max-dependencies: 20
              max-models: 30
              max-failure-types: 40
              error-messages: redacted
              redact: ['password=\\S+']
            rules:
              - name: generate
                role: generation
                class: com.example.codegen.CodeGenerator
                method: generate
                parameters: [com.example.codegen.GenerationRequest, int, 'java.lang.String[]']
                capture:
                  project-id: args[0].projectId
                  model: this.model.name()
                  function-name: request.className
                  prompt-length: args[0].prompt.length
                  code-length: return.source.length
                  dependencies: return.dependencies
              - role: validation
                class: "com.example.*Validator"
                method: "valid?te*"
                capture:
                  validation-ok: return.ok
                  errors:
                    each: return.errors
                    type: code
                    message: it.message
                    type-pattern: '^(\\w+):'
                  detected-dependencies: return.dependencies
              - role: retry
                implements: com.example.Retrying
                annotation: com.example.Retry
            alerts:
              evaluation-period: 30s
              generation-failure-rate:
                fire-above: 0.3
                recover-below: 0.15
                window: 10m
                min-samples: 50
                scope: both
              generation-time-p95:
                fire-above: 1m
            jfr:
              events: false
            ab-test:
              baseline: control
              min-generations: 50
              min-difference: 0.05
            """;

    /** One valid rule, for the tests about everything else. */
    private static final String MINIMAL = """
            rules:
              - role: generation
                class: com.acme.Gen
                method: generate
            """;

    @Test
    void fullFileRoundTripsIntoTypedRecords() {
        LoadedConfig loaded = ConfigLoader.parse("genscope.yaml", FULL);

        assertThat(loaded.problems()).isEmpty();
        GenscopeSettings expected = new GenscopeSettings(true, true, LogLevel.DEBUG, false,
                new TelemetrySettings(5_000, Duration.ofMinutes(30), Duration.ofSeconds(30), Duration.ofHours(2),
                        List.of(), 10, 20, 30, 40, ErrorMessages.REDACTED, 200, List.of(Pattern.compile("password=\\S+")),
                        1000, 5, 64L << 20),
                new MetricsSettings(MetricsSettings.OFF, "127.0.0.1", new MetricsSettings.NoAuthentication(), Optional.empty()),
                new AlertSettings(Duration.ofSeconds(30), List.of(
                        new AlertDefinition(AlertCondition.GENERATION_FAILURE_RATE, AlertScope.BOTH, 0.3, 0.15,
                                Duration.ofMinutes(10), 50),
                        new AlertDefinition(AlertCondition.GENERATION_TIME_P95, AlertScope.GENERATOR, 60_000, 20_000,
                                Duration.ofMinutes(5), 20))),
                new JfrSettings(false),
                new ComparisonSettings("control", 50, 0.05),
                List.of(
                        new RuleSettings("generate", Role.GENERATION,
                                new ClassSelector.Named("com.example.codegen.CodeGenerator"), "generate",
                                List.of("com.example.codegen.GenerationRequest", "int", "java.lang.String[]"), null,
                                new CaptureSettings(expression("args[0].projectId"), expression("this.model.name()"),
                                        expression("request.className"), expression("args[0].prompt.length"),
                                        expression("return.source.length"), expression("return.dependencies"),
                                        null, null, null),
                                ANY_ORIGIN),
                        new RuleSettings("com.example.*Validator.valid?te*", Role.VALIDATION,
                                new ClassSelector.Glob("com.example.*Validator"), "valid?te*", null, null,
                                new CaptureSettings(null, null, null, null, null, null, expression("return.ok"),
                                        new ErrorCaptureSettings(expression("return.errors"),
                                                CaptureExpressionParser.parseElement("it.code"),
                                                CaptureExpressionParser.parseElement("it.message"),
                                                Pattern.compile("^(\\w+):")),
                                        expression("return.dependencies")),
                                ANY_ORIGIN),
                        new RuleSettings("Retrying.*", Role.RETRY, new ClassSelector.SubtypeOf("com.example.Retrying"),
                                "*", null, "com.example.Retry", CaptureSettings.NONE, ANY_ORIGIN)));
        assertThat(loaded.settings())
                .usingRecursiveComparison()
                .ignoringFields("rules.origin")
                .withEqualsForType((a, b) -> a.pattern().equals(b.pattern()), Pattern.class)
                .isEqualTo(expected);
    }

    @Test
    void absentKeysTakeTheValuesOfTheDefaultsFile() {
        GenscopeSettings settings = ConfigLoader.parse("genscope.yaml", MINIMAL).settings();

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.strict()).isFalse();
        assertThat(settings.logLevel()).isEqualTo(LogLevel.INFO);
        assertThat(settings.store()).isEqualTo(new TelemetrySettings(1000, Duration.ofHours(1), Duration.ofMinutes(1),
                Duration.ofHours(1), List.of(), 50, 50, 10, 20, ErrorMessages.NONE, 200, List.of(), 1000, 5, 64L << 20));
    }

    @Test
    void givenKeysReplaceDefaultsOneByOne() {
        TelemetrySettings store = ConfigLoader.parse("genscope.yaml", "store:\n  max-models: 7\n" + MINIMAL).settings().store();

        assertThat(store.maxModels()).isEqualTo(7);
        assertThat(store.maxDependencies()).isEqualTo(50);
    }

    @Test
    void elementBoundsAreReadAndAnOutOfRangeOneFallsBackToItsDefault() {
        LoadedConfig loaded = ConfigLoader.parse("genscope.yaml",
                "store:\n  max-elements: 50\n  event-elements: 1001\n" + MINIMAL);

        assertThat(loaded.settings().store().maxElements()).isEqualTo(50);
        assertThat(loaded.settings().store().eventElements()).isEqualTo(5);
        assertThat(loaded.problems()).singleElement().asString().contains("store.event-elements");
    }

    @Test
    void jsonIsReadAsYaml() {
        String json = """
                {"log-level": "warn",
                 "store": {"window": "5m", "resolution": "1m", "retention": "10m"},
                 "rules": [{"role": "generation", "class": "com.acme.Gen", "method": "generate",
                            "capture": {"model": "this.model"}}]}
                """;

        LoadedConfig loaded = ConfigLoader.parse("genscope.json", json);

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.settings().logLevel()).isEqualTo(LogLevel.WARN);
        assertThat(loaded.settings().store().retention()).isEqualTo(Duration.ofMinutes(10));
        assertThat(loaded.settings().rules().get(0).capture().model()).hasToString("this.model");
        assertThat(loaded.settings().rules().get(0).origin().at("capture.model")).isEqualTo("genscope.json:4 rules[0].capture.model");
    }

    @Test
    void problemLineNamesFileLineFieldWhatIsValidAndTheConsequence() {
        String text = """
                rules:
                  - name: validate
                    role: validate
                    class: com.acme.Validator
                    method: check
                """;

        assertThat(ConfigLoader.parse("genscope.yaml", text).problems())
                .extracting(ConfigProblem::describe)
                .containsExactly("genscope.yaml:3 rules[0].role: 'validate' is not a role; use one of generation, "
                        + "validation, retry, request (rule 'validate' disabled)");
    }

    @Test
    void badSettingFallsBackToItsDefault() {
        LoadedConfig loaded = ConfigLoader.parse("genscope.yaml", "store:\n  window: abc\n" + MINIMAL);

        assertThat(loaded.settings().store().window()).isEqualTo(Duration.ofHours(1));
        assertThat(loaded.problems()).singleElement().extracting(ConfigProblem::message)
                .asString().endsWith("(using the default 1h)");
    }

    @Test
    void misfittingTimeSlicesAllFallBackToTheirDefaults() {
        TelemetrySettings store = ConfigLoader.parse("genscope.yaml", "store:\n  resolution: 7s\n  retention: 2h\n" + MINIMAL)
                .settings().store();

        assertThat(List.of(store.window(), store.resolution(), store.retention()))
                .containsExactly(Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofHours(1));
    }

    @Test
    void badRuleIsDroppedAndTheOthersKept() {
        String text = MINIMAL + """
                  - role: generation
                    class: com..Broken
                    method: generate
                """;

        LoadedConfig loaded = ConfigLoader.parse("genscope.yaml", text);

        assertThat(loaded.settings().rules()).extracting(RuleSettings::name).containsExactly("Gen.generate");
        assertThat(loaded.problems()).extracting(ConfigProblem::severity).containsExactly(Severity.RULE);
    }

    @Test
    void badCaptureIsDroppedAndItsRuleKept() {
        String text = MINIMAL + """
                    capture:
                      model: this..model
                      code-length: return.length()
                """;

        CaptureSettings capture = ConfigLoader.parse("genscope.yaml", text).settings().rules().get(0).capture();

        assertThat(capture.model()).isNull();
        assertThat(capture.codeLength()).hasToString("return.length()");
    }

    @Test
    void successWhenAndFailureTypeAreReadOnAGenerationRule() {
        LoadedConfig loaded = ConfigLoader.parse("genscope.yaml", MINIMAL + """
                    success-when: return.ok
                    failure-type: return.error.code
                """);

        assertThat(loaded.problems()).isEmpty();
        SuccessSettings success = loaded.settings().rules().get(0).success();
        assertThat(success.when()).hasToString("return.ok");
        assertThat(success.failureType()).hasToString("return.error.code");
    }

    @Test
    void aSuccessWhenThatCannotWorkIsOneLineAndTheRuleKeepsReturnedNormally() {
        LoadedConfig notOnResult = ConfigLoader.parse("genscope.yaml", MINIMAL + "    success-when: args[0].ok\n");
        LoadedConfig onValidation = ConfigLoader.parse("genscope.yaml",
                MINIMAL.replace("generation", "validation") + "    success-when: return.ok\n");
        LoadedConfig typeAlone = ConfigLoader.parse("genscope.yaml", MINIMAL + "    failure-type: return.code\n");

        assertThat(notOnResult.problems()).singleElement().asString().contains("genscope.yaml:5",
                "rules[0].success-when", "it must read the result", "generations succeed when they return normally");
        assertThat(onValidation.problems()).singleElement().asString().contains("only generation rules say what success is");
        assertThat(typeAlone.problems()).singleElement().asString().contains("give success-when too");
        for (LoadedConfig loaded : List.of(notOnResult, onValidation, typeAlone)) {
            assertThat(loaded.settings().rules()).singleElement()
                    .extracting(RuleSettings::success).isEqualTo(SuccessSettings.RETURNED_NORMALLY);
        }
    }

    @Test
    void aRequestRuleTakesNoCaptures() {
        LoadedConfig loaded = ConfigLoader.parse("genscope.yaml", MINIMAL.replace("generation", "request") + """
                    capture:
                      model: this.model
                """);

        assertThat(loaded.settings().rules()).singleElement().extracting(RuleSettings::role).isEqualTo(Role.REQUEST);
        assertThat(loaded.problems()).singleElement().asString().contains("request rules take no captures");
    }

    @Test
    void plainErrorsCaptureTakesDefaultTypeAndNoMessage() {
        String text = """
                rules:
                  - role: validation
                    class: com.acme.Validator
                    method: check
                    capture:
                      errors: return.problems
                """;

        ErrorCaptureSettings errors = ConfigLoader.parse("genscope.yaml", text).settings().rules().get(0).capture().errors();

        assertThat(errors).isEqualTo(new ErrorCaptureSettings(expression("return.problems"), null, null, null));
    }

    @Test
    void unusableFileTurnsTheAgentOffWithDefaults() {
        LoadedConfig loaded = ConfigLoader.parse("genscope.yaml", "rules: [");

        assertThat(loaded.hasFatal()).isTrue();
        assertThat(loaded.settings().enabled()).isFalse();
        assertThat(loaded.settings().rules()).isEmpty();
        assertThat(loaded.settings().store().eventRingSize()).isEqualTo(1000);
    }

    @Test
    void strictTrueIsHonouredInAFileThatIsNotYaml() {
        assertThat(ConfigLoader.parse("genscope.yaml", "strict: true\nrules: [").settings().strict()).isTrue();
        assertThat(ConfigLoader.parse("genscope.yaml", "strict: true\nstrict: true\n").settings().strict()).isTrue();
        assertThat(ConfigLoader.parse("genscope.yaml", "rules: [").settings().strict()).isFalse();
    }

    @Test
    void aValueOverTheLengthLimitRefusesTheFile() {
        LoadedConfig loaded = ConfigLoader.parse("genscope.yaml", "log-level: " + "x".repeat(YamlTreeReader.MAX_SCALAR_LENGTH + 1));

        assertThat(loaded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.FATAL);
            assertThat(problem.describe()).isEqualTo("genscope.yaml:1: a value of 4097 characters; a key or value may have"
                    + " at most 4096 (Genscope disabled)");
        });
    }

    @Test
    void aKeyOverTheLengthLimitRefusesTheFile() {
        String key = "k".repeat(YamlTreeReader.MAX_SCALAR_LENGTH + 1);
        assertThat(ConfigLoader.parse("genscope.json", "{\"" + key + "\": 1}").problems())
                .singleElement().extracting(ConfigProblem::message).asString().startsWith("a key of 4097 characters");
    }

    @Test
    void aRuleNameOverItsLimitDropsTheRule() {
        LoadedConfig loaded = ConfigLoader.parse("genscope.yaml", MINIMAL.replace("generate\n",
                "generate\n    name: " + "n".repeat(RuleReader.MAX_NAME_LENGTH + 1) + "\n"));

        assertThat(loaded.settings().rules()).isEmpty();
        assertThat(loaded.problems()).anySatisfy(problem -> assertThat(problem.describe())
                .contains("rules[0].name: expected a rule name of at most 200 characters, got 201"));
    }

    @Test
    void nestingDeeperThanTheLimitRefusesTheFile() {
        int depth = YamlTreeReader.MAX_DEPTH + 1;
        LoadedConfig loaded = ConfigLoader.parse("genscope.yaml", "a: " + "[".repeat(depth) + "]".repeat(depth));

        assertThat(loaded.problems()).singleElement().extracting(ConfigProblem::message).asString()
                .startsWith("mappings and lists are nested more than 32 levels deep");
    }

    @Test
    void aSecondDocumentIsOneLineAndIgnored() {
        LoadedConfig loaded = ConfigLoader.parse("genscope.yaml", "---\n" + MINIMAL + "---\nlog-level: debug\n");

        assertThat(loaded.settings().logLevel()).isEqualTo(LogLevel.INFO);
        assertThat(loaded.settings().rules()).hasSize(1);
        assertThat(loaded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.SETTING);
            assertThat(problem.line()).isEqualTo(MINIMAL.split("\n").length + 3);
            assertThat(problem.message()).startsWith("a second YAML document starts here").endsWith("(ignored)");
        });
    }

    @Test
    void aSecondDocumentThatIsNotYamlIsStillOnlyReported() {
        assertThat(ConfigLoader.parse("genscope.yaml", MINIMAL + "---\nrules: [\n").problems()).singleElement()
                .extracting(ConfigProblem::message).asString().startsWith("a second YAML document");
    }

    @Test
    void disabledAgentNeedsNoRules() {
        assertThat(ConfigLoader.parse("genscope.yaml", "enabled: false\n").problems()).isEmpty();
    }

    @Test
    void fileIsReadAndNamedAsGiven(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("genscope.yaml"), "log-level: oops\n" + MINIMAL);

        assertThat(ConfigLoader.load(file).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.file()).isEqualTo(file.toString()));
    }

    @Test
    void missingFileIsFatal(@TempDir Path directory) {
        LoadedConfig loaded = ConfigLoader.load(directory.resolve("absent.yaml"));

        assertThat(loaded.hasFatal()).isTrue();
        assertThat(loaded.problems()).singleElement().extracting(ConfigProblem::message).asString()
                .contains("no such file").endsWith("(Genscope disabled)");
    }

    @Test
    void originPointsAtTheFieldOrElseAtTheRule() {
        ConfigOrigin origin = ConfigLoader.parse("genscope.yaml", FULL).settings().rules().get(1).origin();

        assertThat(origin.at("capture.errors.type")).isEqualTo("genscope.yaml:35 rules[1].capture.errors.type");
        assertThat(origin.at("parameters")).isEqualTo("genscope.yaml:28 rules[1].parameters");
        assertThat(origin.at("")).isEqualTo("genscope.yaml:28 rules[1]");
        assertThat(origin.problem("method", "no method 'validate' (rule never applies)", Severity.SETTING).describe())
                .isEqualTo("genscope.yaml:30 rules[1].method: no method 'validate' (rule never applies)");
    }

    @Test
    void defaultsFileCommentsEverySetting() throws IOException {
        List<String> undocumented = new ArrayList<>();
        String previous = "";
        try (InputStream in = BundledDefaults.class.getResourceAsStream(BundledDefaults.NAME)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.matches("\\s*[a-z-]+:.*") && !previous.startsWith("#")) {
                    undocumented.add(line.strip());
                }
                previous = line.isBlank() ? previous : line.strip();
            }
        }

        assertThat(undocumented).isEmpty();
    }

    private static CaptureExpression expression(String text) {
        return CaptureExpressionParser.parse(text);
    }
}
