package io.genscope.runtime.recording;

import io.genscope.runtime.privacy.ErrorTypes;
import io.genscope.runtime.store.TallyTotals;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Problem;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * An exception's class name is its error type as it is: the built-in redaction, meant for user
 * text, would mask a class name such as {@code OpenApi3SpecValidationException} (a run of 20 or
 * more letters and digits mixing cases looks like a key), so different exceptions would collapse
 * into one type in {@code TopValidationErrors}. And an error without a type is {@code (unknown)},
 * the same type whatever path led there.
 */
class ExceptionClassErrorTypesTest {

    private final GeneratorLoop loop = new GeneratorLoop();

    /** What the lint rule's captures read: {@code return.passed}, {@code return.findings}. */
    public record Findings(boolean passed, List<Object> findings) {
    }

    @Test
    void aThrowingValidationCountsItsExceptionClassUnmasked() throws Exception {
        for (Exception failure : List.of(new OpenApi3SpecValidationException(), new Jsr303ConstraintViolation())) {
            try {
                loop.compileThrowing(failure);
            } catch (Exception expected) {
                // the generator handles its validator's exception
            }
        }

        assertThat(loop.totals().errorTypes()).containsOnly(
                entry(OpenApi3SpecValidationException.class.getName(), 1L),
                entry(Jsr303ConstraintViolation.class.getName(), 1L));
    }

    @Test
    void exceptionsInAnErrorsCollectionAreCountedByTheirClassUnmasked() throws Exception {
        loop.call(GeneratorLoop.LINT, loop, new Object[] {"class A {}"}, () -> new Findings(false,
                List.of(new OpenApi3SpecValidationException(), new Jsr303ConstraintViolation(), "SCHEMA_V2_MISSING")));

        TallyTotals totals = loop.totals();
        assertThat(totals.errorTypes()).containsOnly(
                entry(OpenApi3SpecValidationException.class.getName(), 1L),
                entry(Jsr303ConstraintViolation.class.getName(), 1L),
                entry("SCHEMA_V2_MISSING", 1L));
    }

    @Test
    void anErrorWhoseTypeCaptureGivesNothingIsUnknown() throws Exception {
        loop.compile(new Verdict(List.of(new Problem(null, "no code")), List.of()));

        assertThat(loop.totals().errorTypes()).containsOnly(entry(ErrorTypes.UNKNOWN, 1L));
    }

    static final class OpenApi3SpecValidationException extends RuntimeException {
    }

    static final class Jsr303ConstraintViolation extends RuntimeException {
    }
}
