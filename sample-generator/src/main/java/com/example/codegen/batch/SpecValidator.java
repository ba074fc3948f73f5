package com.example.codegen.batch;

import com.example.codegen.GenerationRequest;

import java.util.List;

/**
 * Checks a request's spec before anything is generated from it, as OpenAPI Generator validates
 * the OpenAPI document first. A finding is a warning: the batch generates anyway.
 *
 * <p>The check is simulated and deterministic: a spec whose prompt hash falls in three of
 * eight residues has an unresolved reference, so about 37.5 % of specs fail it.
 */
public final class SpecValidator {

    /** The code of the one problem this check finds. */
    public static final String UNRESOLVED_REF = "SPEC_UNRESOLVED_REF";

    public SpecCheck validate(GenerationRequest request) {
        boolean broken = Math.floorMod(request.prompt().hashCode(), 8) < 3;
        return broken ? new SpecCheck(false, List.of(new SpecProblem(UNRESOLVED_REF))) : new SpecCheck(true, List.of());
    }
}
