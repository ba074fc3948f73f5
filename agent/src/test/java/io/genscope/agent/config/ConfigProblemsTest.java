package io.genscope.agent.config;

import static io.genscope.agent.config.ConfigProblem.Severity.FATAL;
import static io.genscope.agent.config.ConfigProblem.Severity.RULE;
import static io.genscope.agent.config.ConfigProblem.Severity.SETTING;
import static org.assertj.core.api.Assertions.assertThat;

import io.genscope.agent.config.ConfigProblem.Severity;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of mistake yields exactly one problem, on the right line and field, with the right cost. */
class ConfigProblemsTest {

    /** Appended to the settings cases so that they have the one rule a clean file needs. */
    private static final String VALID_RULE = """
            rules:
              - role: generation
                class: com.acme.Gen
                method: generate
            """;

    /** The start of a rule; cases add the keys under test. */
    private static final String RULE_START = """
            rules:
              - role: generation
            """;

    record Case(String name, String yaml, int line, String field, Severity severity, String fragment) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> mistakes() {
        return Stream.of(
                new Case("syntax error", "store:\n  window: 1h\n   resolution: 1m\n", 3, "", FATAL, "not valid YAML"),
                new Case("top level is a list", "- role: generation\n", 1, "", FATAL, "the file holds a list"),
                new Case("empty file", "# nothing yet\n", 0, "", FATAL, "the file is empty"),
                new Case("repeated key", "strict: true\nstrict: false\n", 2, "", FATAL, "key 'strict' appears twice"),
                new Case("unknown key with suggestion", settings("store:\n  windw: 1h\n"), 2, "store.windw", SETTING,
                        "unknown key 'windw' (did you mean 'window'?); valid keys here: event-ring-size, window"),
                new Case("unknown key in other spelling", settings("logLevel: debug\n"), 1, "logLevel", SETTING,
                        "did you mean 'log-level'?"),
                new Case("word for a number", settings("store:\n  event-ring-size: lots\n"), 2, "store.event-ring-size",
                        SETTING, "'lots' is not a whole number; use a whole number from 0 to 1000000 (using the default 1000)"),
                new Case("word for a boolean", settings("enabled: maybe\n"), 1, "enabled", SETTING, "is not true or false"),
                new Case("value for a section", settings("store: 5\n"), 1, "store", SETTING,
                        "expected a mapping of store settings, got '5'"),
                new Case("mapping for the rules list", "rules: {}\n", 1, "rules", SETTING,
                        "expected a list of rules, each starting with '- ', got a mapping (nothing will be recorded)"),
                new Case("bad duration", settings("store:\n  window: abc\n"), 2, "store.window", SETTING,
                        "'abc' is not a duration; use a whole number with unit ms, s, m, h or d"),
                new Case("zero duration", settings("store:\n  retention: 0s\n"), 2, "store.retention", SETTING,
                        "'0s' is not positive"),
                new Case("resolution below 100ms", settings("store:\n  resolution: 50ms\n"), 2, "store.resolution", SETTING,
                        "'50ms' is too short; use at least 100ms (using the default 1m)"),
                new Case("number out of range", settings("store:\n  max-models: 100001\n"), 2, "store.max-models", SETTING,
                        "100001 is out of range; use a whole number from 1 to 100000"),
                new Case("window not a multiple of resolution", settings("store:\n  window: 90s\n"), 2, "store.window",
                        SETTING, "window 90s is not a whole multiple of resolution 1m (using the defaults window 1h"),
                new Case("retention shorter than window", settings("store:\n  window: 2h\n"), 2, "store.window", SETTING,
                        "retention 1h is shorter than window 2h"),
                new Case("too many slices", settings("store:\n  resolution: 1s\n  retention: 2d\n"), 3, "store.retention",
                        SETTING, "retention 2d is 172800 slices of resolution 1s, more than the 100000 kept"),
                new Case("unknown log level", settings("log-level: loud\n"), 1, "log-level", SETTING,
                        "'loud' is not a log level; use one of error, warn, info, debug"),
                new Case("bad regex", settings("store:\n  redact: ['token=\\\\w+', '(']\n"), 2, "store.redact[1]", SETTING,
                        "'(' is not a Java regular expression: Unclosed group near index 1 (pattern skipped)"),
                new Case("no rules", "enabled: true\n", 0, "rules", SETTING,
                        "no rules given; add at least one rule with role, class and method (nothing will be recorded)"),
                new Case("unknown role", "rules:\n  - role: validate\n    class: a.B\n    method: m\n", 2, "rules[0].role", RULE,
                        "'validate' is not a role; use one of generation, validation, retry, request (rule 'B.m' disabled)"),
                new Case("missing role", "rules:\n  - class: a.B\n    method: m\n", 2, "rules[0].role", RULE,
                        "missing 'role'; give one of generation, validation, retry, request"),
                new Case("missing method", RULE_START + "    class: a.B\n", 2, "rules[0].method", RULE,
                        "missing 'method'; give a method name such as generate or a glob such as generate* (rule disabled)"),
                new Case("both class and implements", RULE_START + "    class: a.B\n    implements: a.C\n    method: m\n", 4,
                        "rules[0].implements", RULE, "class and implements are both given; keep one"),
                new Case("neither class nor implements", RULE_START + "    method: m\n", 2, "rules[0].class", RULE,
                        "missing 'class'; give class: a class name such as com.acme.CodeGenerator"),
                new Case("malformed class name", RULE_START + "    class: com..Gen\n    method: m\n", 3, "rules[0].class",
                        RULE, "'com..Gen' is not a class name such as"),
                new Case("glob in implements", RULE_START + "    implements: com.*\n    method: m\n", 3,
                        "rules[0].implements", RULE, "'com.*' is not a fully qualified type name"),
                new Case("malformed method name", RULE_START + "    class: a.B\n    method: gen-erate\n", 4,
                        "rules[0].method", RULE, "'gen-erate' is not a method name"),
                new Case("malformed parameter type", RULE_START + "    class: a.B\n    method: m\n    parameters:\n"
                        + "      - int\n      - java.lang.String[\n", 7, "rules[0].parameters[1]", RULE,
                        "'java.lang.String[' is not a type name"),
                new Case("duplicate name", VALID_RULE + "    name: gen\n  - name: gen\n    role: retry\n    class: a.B\n"
                        + "    method: m\n", 6, "rules[1].name", RULE,
                        "name 'gen' is already used by rules[0]; give each rule its own name (rule 'gen' disabled)"),
                new Case("duplicate default name", VALID_RULE + VALID_RULE.replace("rules:\n", ""), 5, "rules[1].name", RULE,
                        "name 'Gen.generate' is already used by rules[0]"),
                new Case("unknown rule key", VALID_RULE + "    paramters: [int]\n", 5, "rules[0].paramters", RULE,
                        "unknown key 'paramters' (did you mean 'parameters'?)"),
                new Case("rule not a mapping", "rules:\n  - com.acme.Gen\n", 2, "rules[0]", RULE,
                        "expected a rule (a mapping with role, class and method), got 'com.acme.Gen'"),
                new Case("capture on the wrong role", VALID_RULE + "    capture:\n      validation-ok: return.ok\n", 6,
                        "rules[0].capture.validation-ok", SETTING, "'validation-ok' is a capture of validation rules, "
                        + "but this rule's role is generation (capture dropped)"),
                new Case("capture on a retry rule", "rules:\n  - role: retry\n    class: a.B\n    method: m\n"
                        + "    capture:\n      model: this.model\n", 5, "rules[0].capture", SETTING,
                        "retry rules take no captures"),
                new Case("non-numeric argument index", VALID_RULE + "    capture:\n      model: args[x].foo\n", 6,
                        "rules[0].capture.model", SETTING, "'args[x].foo' is not a capture expression"),
                new Case("empty path segment", VALID_RULE + "    capture:\n      model: this..a\n", 6,
                        "rules[0].capture.model", SETTING, "'this..a' is not a capture expression"),
                new Case("malformed element expression", "rules:\n  - role: validation\n    class: a.B\n    method: m\n"
                        + "    capture:\n      errors:\n        each: return.errors\n        type: it..code\n", 8,
                        "rules[0].capture.errors.type", SETTING, "'it..code' is not a capture expression"),
                new Case("type-pattern without a group", "rules:\n  - role: validation\n    class: a.B\n    method: m\n"
                        + "    capture:\n      errors:\n        each: return\n        type-pattern: 'TS\\d+'\n", 8,
                        "rules[0].capture.errors.type-pattern", SETTING, "'TS\\d+' has no group; put the part that is"
                        + " the type in parentheses"),
                new Case("unknown error-messages setting", settings("store:\n  error-messages: some\n"), 2,
                        "store.error-messages", SETTING, "'some' is not an error-messages setting; use one of none,"
                        + " redacted, full (using the default none)"),
                new Case("errors object without each", "rules:\n  - role: validation\n    class: a.B\n    method: m\n"
                        + "    capture:\n      errors:\n        type: code\n", 6, "rules[0].capture.errors.each", SETTING,
                        "missing 'each'"),
                new Case("unknown capture key", VALID_RULE + "    capture:\n      prompt-lenght: args[0].length()\n", 6,
                        "rules[0].capture.prompt-lenght", SETTING, "did you mean 'prompt-length'?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void eachMistakeYieldsOneProblemAtItsLineAndField(Case mistake) {
        LoadedConfig loaded = ConfigLoader.parse("genscope.yaml", mistake.yaml());

        assertThat(loaded.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("genscope.yaml");
            assertThat(problem.line()).isEqualTo(mistake.line());
            assertThat(problem.field()).isEqualTo(mistake.field());
            assertThat(problem.severity()).isEqualTo(mistake.severity());
            assertThat(problem.message()).contains(mistake.fragment()).endsWith(")").doesNotContain("\n");
        });
    }

    private static String settings(String yaml) {
        return yaml + VALID_RULE;
    }
}
