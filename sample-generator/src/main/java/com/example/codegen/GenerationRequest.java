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
 */
public record GenerationRequest(String projectId, String prompt, String className) {

    public GenerationRequest {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(className, "className");
    }
}
