package io.genscope.agent.install;

import java.nio.file.Path;

/**
 * {@code strict: true} and the config has a problem, each already logged as one ERROR line. What
 * follows depends on how the agent came in ({@link AgentStartup} decides):
 * <ul>
 *   <li>with {@code -javaagent}, the JVM exits with status 1 after one more line, which is what a
 *       strict user asked for. It exits through {@link System#exit} rather than by throwing out of
 *       {@code premain}, which makes the JVM abort (status 134, a stack trace, a
 *       {@code java.lang.instrument ASSERTION FAILED} and a core dump where enabled);</li>
 *   <li>attached to a running JVM, Genscope does not load and the JVM runs on: strict never stops
 *       an application that is already serving.</li>
 * </ul>
 */
final class StrictModeRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StrictModeRefusal(Path file, int problems) {
        super("strict: true and " + file + " has " + problems + " problem(s), listed above; fix them or set"
                + " strict: false", null, false, false);
    }

    /** The last line of the refusal under {@code -javaagent}: the JVM exits after it. */
    String atStart() {
        return getMessage() + ". The JVM exits with status 1.";
    }

    /** The last line of the refusal when attached: Genscope stays out and the JVM runs on. */
    String whenAttached() {
        return getMessage() + ". Genscope does not load; the running JVM is not affected.";
    }
}
