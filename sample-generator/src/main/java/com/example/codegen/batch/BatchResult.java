package com.example.codegen.batch;

import com.example.codegen.GeneratedCode;

/**
 * What one generation of the batch came to: never an exception.
 *
 * @param ok        whether code was generated
 * @param errorCode why not, when not {@code ok}: {@link BatchRunner#GENERATION_FAILED} or
 *                  {@link BatchRunner#MODEL_UNAVAILABLE}; {@code null} when {@code ok}
 * @param code      the code, when {@code ok}; else {@code null}
 */
public record BatchResult(boolean ok, String errorCode, GeneratedCode code) {
}
