package io.genscope.runtime.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain-string error becomes a short, stable type: quoted text, numbers, identifiers and every
 * line after the first never survive, in the formats of javac, tsc, ESLint and Python tools.
 */
class ErrorTypesTest {

    private final ErrorTypes types = new ErrorTypes(Redactor.withBuiltIns(List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            // javac, as printed and as Diagnostic.getMessage gives it
            "Gen.java:3: error: cannot find symbol                                   | cannot find symbol",
            "Gen.java:5: error: incompatible types: Mark7x cannot be converted to int | incompatible types",
            "Gen.java:1: error: class MarkZq is public, should be declared in a file named MarkZq.java"
                    + " | class _ is public should be declared in a file named _",
            "Gen.java:9: error: ';' expected                                         | _ expected",
            "~cannot find symbol\n  symbol:   variable secretMarker~                  | cannot find symbol",
            "compiler.err.cant.resolve.location                                      | compiler.err.cant.resolve.location",
            // TypeScript
            "error TS2304: Cannot find name 'secretMarker'.                           | TS2304",
            "src/gen.ts(12,5): error TS2322: Type 'string' is not assignable to type 'number'. | TS2322",
            // ESLint: stylish, unix, compact
            "  3:10  error  'secretMarker' is not defined  no-undef                    | no-undef",
            "  7:1   warning  Unexpected console statement  no-console                | no-console",
            "/src/gen.js:3:10: 'secretMarker' is defined but never used. [Error/no-unused-vars] | no-unused-vars",
            "/src/gen.js: line 3, col 10, Error - 'secretMarker' is not defined. (no-undef) | no-undef",
            "  2:5  error  Missing return type  @typescript-eslint/explicit-function-return-type"
                    + " | @typescript-eslint/explicit-function-return-type",
            // Python: exceptions, flake8/ruff, pylint, mypy
            "NameError: name 'secretMarker' is not defined                           | NameError",
            "SyntaxError: invalid syntax                                             | SyntaxError",
            "gen.py:3:1: F821 undefined name 'secretMarker'                          | F821",
            "gen.py:3:0: E0602: Undefined variable 'secretMarker' (undefined-variable) | E0602",
            "gen.py:3: error: Name \"secretMarker\" is not defined  [name-defined]     | name-defined",
    })
    void derivesAShortTypeFromACompilerOrLinterLine(String line, String type) {
        assertThat(types.type(line, null)).isEqualTo(type);
    }

    @Test
    void aTokenIsItsOwnType() {
        assertThat(types.type("UNDEFINED_SYMBOL", null)).isEqualTo("UNDEFINED_SYMBOL");
        assertThat(types.type("java.lang.IllegalStateException", null)).isEqualTo("java.lang.IllegalStateException");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "src/com/acme/CustomerX.java:12:5 | (unknown)",
            "Gen.java:3: UNDEFINED_SYMBOL     | UNDEFINED_SYMBOL",
            "src/com/acme/CustomerX.java      | _",
            "/home/alice/gen/out              | _",
    })
    void aLocationOrAPathIsNeverAType(String line, String type) {
        assertThat(types.type(line, null)).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "compiler.err.cant.resolve.location", "TS2304", "E0425", "F821", "SCHEMA_V2_REQUIRED_PROPERTY_MISSING",
            "import/no-unresolved", "@typescript-eslint/no-unused-vars", "java.lang.IllegalStateException", "ERR_0042",
    })
    void keysCodesEnumConstantsAndClassNamesSurviveTheBuiltInPatterns(String token) {
        assertThat(types.type(token, null)).isEqualTo(token);
    }

    @Test
    void anExceptionClassIsItsNameNeitherDerivedNorRedacted() {
        class OpenApi3SpecValidationException extends RuntimeException {
        }
        String name = OpenApi3SpecValidationException.class.getName();

        assertThat(ErrorTypes.ofClass(OpenApi3SpecValidationException.class)).isEqualTo(name);
        assertThat(types.type(name, null)).as("the same name as a string is redacted").isNotEqualTo(name);
    }

    @Test
    void onlyTheFirstLineCountsEvenWhenItIsBlank() {
        assertThat(types.type("\nNameError: x", null)).isEqualTo(ErrorTypes.UNKNOWN);
        assertThat(types.type(null, null)).isEqualTo(ErrorTypes.UNKNOWN);
    }

    @Test
    void numbersAndQuotedTextNeverSurvive() {
        assertThat(types.type("value 42 exceeds limit `max_len` for \"field\"", null)).isEqualTo("value _ exceeds limit _ for _");
    }

    @Test
    void theRulesTypePatternPicksGroupOneAndFallsBackWhenItDoesNotMatch() {
        Pattern pattern = Pattern.compile("^\\[(\\w+)\\]");

        assertThat(types.type("[LINT042] secret 'code'", pattern)).isEqualTo("LINT042");
        assertThat(types.type("error TS2304: Cannot find name 'x'.", pattern)).isEqualTo("TS2304");
    }

    @Test
    void typesAreCappedAndRedacted() {
        assertThat(types.type("a.".repeat(60) + "b", null)).hasSize(ErrorTypes.MAX_LENGTH + 1).endsWith("…");
        assertThat(types.type("sk-live-4eC39HqLyjWDarjtT1zdp7dc", null)).isEqualTo("***");
        assertThat(types.type("[x] ops@example.com", Pattern.compile("] (.+)"))).isEqualTo("***");
    }
}
