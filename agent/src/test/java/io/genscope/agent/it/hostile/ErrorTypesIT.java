package io.genscope.agent.it.hostile;

import com.example.hostile.ErrorTypesValidators.Jsr303ConstraintViolation;
import com.example.hostile.ErrorTypesValidators.OpenApi3SpecValidationException;
import io.genscope.agent.it.GenscopeMBeans;
import io.genscope.agent.it.OpenData;
import io.genscope.agent.it.hostile.hosts.ErrorTypesHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Through the real path, the types {@code TopValidationErrors} counts: an exception's class name
 * as it is, whatever it looks like (two classes the built-in redaction took for keys were both
 * counted as {@code com.example.hostile.ErrorTypesValidators$***}); a plain error that is only a
 * file location is {@code (unknown)}, never the path; a javac key stays itself. The host prints
 * the same with and without the agent.
 */
class ErrorTypesIT {

    static final String CONFIG = """
            rules:
              - name: spec
                role: validation
                class: com.example.hostile.ErrorTypesValidators
                method: checkSpec
              - name: constraints
                role: validation
                class: com.example.hostile.ErrorTypesValidators
                method: constraints
                capture:
                  errors: return
            """;

    @TempDir
    Path directory;

    @Test
    void exceptionClassesAreCountedByTheirNamesAndALocationIsNoType() throws Exception {
        Path config = PrivacyMarkersIT.config(directory, CONFIG);
        try (PrivacyRun without = PrivacyRun.start(directory, "errtypes-without", null, ErrorTypesHost.class, 1, "7");
             PrivacyRun with = PrivacyRun.start(directory, "errtypes-with", config, ErrorTypesHost.class, 1, "7")) {
            assertThat(with.jvm().stdout()).isEqualTo(without.jvm().stdout()).hasSize(8);

            assertThat(OpenData.<Long>map(new GenscopeMBeans(with.connection())
                    .attribute(GenscopeMBeans.TELEMETRY, "TopValidationErrors"))).containsOnly(
                    entry(OpenApi3SpecValidationException.class.getName(), 7L),
                    entry(Jsr303ConstraintViolation.class.getName(), 7L),
                    entry("(unknown)", 7L),
                    entry("compiler.err.cant.resolve.location", 7L));
        }
    }
}
