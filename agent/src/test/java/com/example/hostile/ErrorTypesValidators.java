package com.example.hostile;

import java.util.List;

/**
 * The instrumented part of {@link io.genscope.agent.it.hostile.hosts.ErrorTypesHost}: validators
 * whose errors are exceptions with class names the built-in redaction would take for keys (a run
 * of 20 or more letters and digits mixing cases), and a plain error that is only a location.
 * Outside Genscope's packages, which the agent never instruments.
 */
public final class ErrorTypesValidators {

    private ErrorTypesValidators() {
    }

    /** A validation that throws. */
    public static void checkSpec(int round) {
        throw new OpenApi3SpecValidationException(round);
    }

    /** A validation whose errors are an exception, a bare location and a javac key. */
    public static List<Object> constraints(int round) {
        return List.of(new Jsr303ConstraintViolation(round), "src/com/acme/CustomerX.java:" + round + ":5",
                "compiler.err.cant.resolve.location");
    }

    public static final class OpenApi3SpecValidationException extends RuntimeException {
        OpenApi3SpecValidationException(int round) {
            super("spec of round " + round + " is invalid");
        }
    }

    public static final class Jsr303ConstraintViolation extends RuntimeException {
        Jsr303ConstraintViolation(int round) {
            super("constraint of round " + round + " is violated");
        }
    }
}
