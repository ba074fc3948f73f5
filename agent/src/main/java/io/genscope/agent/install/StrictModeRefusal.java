package io.genscope.agent.install;

/**
 * Thrown out of {@code premain} on purpose when {@code strict: true} and the config has a
 * problem: the JVM then refuses to start, which is what a strict user asked for.
 */
public final class StrictModeRefusal extends RuntimeException {

    StrictModeRefusal(String message) {
        super(message, null, false, false);
    }
}
