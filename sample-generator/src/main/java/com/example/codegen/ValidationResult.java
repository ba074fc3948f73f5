package com.example.codegen;

import java.util.List;

/**
 * What compiling one source found.
 *
 * @param ok           whether the source compiled without errors
 * @param errors       the compiler's errors, in the order reported; empty when {@code ok}
 * @param dependencies the packages the source imports, distinct, in source order (e.g.
 *                     {@code java.util}, {@code com.google.common.collect}); found whether or
 *                     not the source compiles
 */
public record ValidationResult(boolean ok, List<CompilerError> errors, List<String> dependencies) {

    public ValidationResult {
        errors = List.copyOf(errors);
        dependencies = List.copyOf(dependencies);
    }
}
