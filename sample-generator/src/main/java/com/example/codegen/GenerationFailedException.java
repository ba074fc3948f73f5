package com.example.codegen;

/** No answer of the model compiled within the generator's attempt limit. */
public final class GenerationFailedException extends RuntimeException {

    public GenerationFailedException(GenerationRequest request, int attempts) {
        super("project " + request.projectId() + ": no compiling source for " + request.className()
                + " after " + attempts + (attempts == 1 ? " attempt" : " attempts"));
    }
}
