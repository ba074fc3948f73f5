package com.example.codegen;

import java.util.Objects;

/**
 * Turns a request into compiling source: asks the model, compiles the answer and, while it does
 * not compile and attempts remain, asks again with the compiler's errors appended to the prompt.
 *
 * <p>The whole job ({@link #generate}) and one retry ({@link #repair}) are separate public
 * methods so that each can be timed and counted on its own; {@code generate} calls
 * {@code repair}, never itself.
 *
 * <p>Thread-safety: holds no mutable state, so it is as safe to share as its model, validator
 * and listener are.
 *
 * <pre>{@code
 * CodeGenerator generator = new CodeGenerator(new CodexPro(42), new JavacValidator(), 3);
 * GeneratedCode code = generator.generate(new GenerationRequest(
 *         "billing", "Write a Java class ResultCache: an LRU cache for search results", "ResultCache"));
 * }</pre>
 */
public final class CodeGenerator {

    private final CodeModel model;
    private final JavacValidator validator;
    private final int maxAttempts;
    private final GenerationListener listener;

    /**
     * @param maxAttempts how many answers to ask the model for per request, first one included;
     *                    at least 1
     */
    public CodeGenerator(CodeModel model, JavacValidator validator, int maxAttempts) {
        this(model, validator, maxAttempts, GenerationListener.NONE);
    }

    /**
     * @param maxAttempts how many answers to ask the model for per request, first one included;
     *                    at least 1
     * @param listener    told of every validation and repair
     */
    public CodeGenerator(CodeModel model, JavacValidator validator, int maxAttempts, GenerationListener listener) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        this.model = Objects.requireNonNull(model, "model");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.maxAttempts = maxAttempts;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Generates the requested class.
     *
     * @return the first answer that compiles
     * @throws GenerationFailedException when no answer compiled within the attempt limit
     * @throws ModelUnavailableException from the model, unchanged: an outage is not retried
     */
    public GeneratedCode generate(GenerationRequest request) {
        String source = model.complete(request.prompt(), 1);
        for (int attempt = 1; ; attempt++) {
            ValidationResult result = validator.validate(request.className(), source);
            listener.validated(result);
            if (result.ok()) {
                return new GeneratedCode(request.projectId(), request.className(), source, result.dependencies(), attempt);
            }
            if (attempt == maxAttempts) {
                throw new GenerationFailedException(request, attempt);
            }
            source = repair(request, result, attempt + 1);
        }
    }

    /**
     * Asks the model once more, showing it the errors of its previous answer.
     *
     * @param previous the validation of the previous answer
     * @param attempt  the number of the answer asked for now: 2 for the first repair
     * @return the model's new answer, not yet validated
     */
    public String repair(GenerationRequest request, ValidationResult previous, int attempt) {
        listener.repairStarted();
        return model.complete(request.prompt() + feedback(previous), attempt);
    }

    /** The name of the model this generator asks. */
    public String modelName() {
        return model.name();
    }

    private static String feedback(ValidationResult previous) {
        StringBuilder text = new StringBuilder("\n\nYour previous answer did not compile. Fix these errors:");
        for (CompilerError error : previous.errors()) {
            text.append("\n- ").append(error.code()).append(": ").append(error.message());
        }
        return text.toString();
    }
}
