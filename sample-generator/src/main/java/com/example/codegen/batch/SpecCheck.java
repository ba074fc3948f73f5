package com.example.codegen.batch;

import java.util.List;

/**
 * What checking one spec found.
 *
 * @param ok     whether the spec has no problem
 * @param errors its problems; empty when {@code ok}
 */
public record SpecCheck(boolean ok, List<SpecProblem> errors) {

    public SpecCheck {
        errors = List.copyOf(errors);
    }
}
