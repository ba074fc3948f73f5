package com.example.codegen.batch;

/**
 * One problem the spec check found.
 *
 * @param code a stable identifier, such as {@code SPEC_UNRESOLVED_REF}
 */
public record SpecProblem(String code) {
}
