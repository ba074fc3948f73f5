package com.example.codegen;

import java.util.Objects;

/**
 * One class a team asks the generator for.
 *
 * @param projectId the project that asked; results and failures are reported per project
 * @param prompt    what to build, in words; it should name {@code className}, as the model only
 *                  sees the prompt
 * @param className simple name of the public class the source must declare: javac checks the
 *                  source as the file {@code className.java}
 * @param variant   the version of the prompt template the prompt was written from
 * @param userId    who asked
 * @param category  the kind of class asked for, as the prompt template names it
 */
public record GenerationRequest(String projectId, String prompt, String className, String variant, String userId,
                                String category) {

    public GenerationRequest {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(category, "category");
    }

    /** A request from the first prompt template, by an anonymous user, of no particular category. */
    public GenerationRequest(String projectId, String prompt, String className) {
        this(projectId, prompt, className, "prompt-v1", "anonymous", "general");
    }
}
