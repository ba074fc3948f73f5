package com.example.codegen.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.codegen.CompilerError;
import com.example.codegen.JavacValidator;
import com.example.codegen.ValidationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefectTest {

    private static final JavacValidator VALIDATOR = new JavacValidator();

    @ParameterizedTest
    @CsvSource({
            "MISSING_SEMICOLON,   compiler.err.expected",
            "UNDEFINED_SYMBOL,    compiler.err.cant.resolve.location",
            "TYPE_MISMATCH,       compiler.err.prob.found.req",
            "MISSING_RETURN,      compiler.err.missing.ret.stmt",
            "GUAVA_IMPORT,        compiler.err.doesnt.exist",
            "COMMONS_LANG_IMPORT, compiler.err.doesnt.exist",
    })
    void breaksEveryTemplateWithItsOwnDiagnostic(Defect defect, String expectedCode) {
        for (Template template : Template.values()) {
            ValidationResult result = VALIDATOR.validate("Sample", defect.injectInto(template.render("Sample")));

            assertThat(result.errors()).as("%s in %s", defect, template)
                    .extracting(CompilerError::code).containsExactly(expectedCode);
        }
    }
}
