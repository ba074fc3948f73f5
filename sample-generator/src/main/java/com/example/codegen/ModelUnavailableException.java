package com.example.codegen;

/**
 * The model gave no answer at all (as opposed to an answer that does not compile). A generator
 * does not retry this: it is a different failure from bad source, and it is reported as its own
 * failure type.
 */
public final class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message) {
        super(message);
    }
}
