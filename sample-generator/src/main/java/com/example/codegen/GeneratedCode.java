package com.example.codegen;

import java.util.List;

/**
 * A source that compiled, with what it took to get it.
 *
 * @param projectId    the project that asked
 * @param className    the class the source declares
 * @param source       the compiling source
 * @param dependencies the packages the source imports, distinct, in source order
 * @param attempts     how many answers the model gave for it: 1 when the first one compiled
 */
public record GeneratedCode(String projectId, String className, String source, List<String> dependencies,
                            int attempts) {

    public GeneratedCode {
        dependencies = List.copyOf(dependencies);
    }
}
