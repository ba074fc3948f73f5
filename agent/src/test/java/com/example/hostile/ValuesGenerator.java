package com.example.hostile;

/**
 * A generator that hands back whatever its caller gives it as the dependencies of what it
 * generated, and takes a model object of the caller's choosing: the host decides which kind of
 * object the agent's captures meet.
 */
public final class ValuesGenerator {

    /** Generates for {@code model}; the result's dependencies are {@code dependencies}. */
    public Object generate(Object dependencies, Object model) {
        return dependencies;
    }
}
