package com.example.codegen;

/**
 * One error javac reported for a source.
 *
 * @param code    javac's diagnostic key, e.g. {@code compiler.err.cant.resolve.location}; group
 *                errors by this, since messages carry symbol names and differ from source to source
 * @param message the message in English, as a developer would read it
 */
public record CompilerError(String code, String message) {
}
