package io.genscope.runtime;

/**
 * Where the runtime reports its own problems (a capture that cannot be read, an MBean that could
 * not be registered). The agent plugs in its logger; until then lines go to stderr with the
 * {@code [genscope]} prefix. Implementations must be thread-safe and must not throw.
 */
public interface RuntimeLog {

    void warn(String message);

    void error(String message);

    /**
     * News that is no problem (an alert that recovered). Ignored unless the log prints it: the
     * lines that must never be lost are warnings and errors.
     */
    default void info(String message) {
    }

    /** Prints to stderr, the one channel that exists before the agent's logging is up. */
    static RuntimeLog stderr() {
        return new RuntimeLog() {
            @Override
            public void warn(String message) {
                System.err.println("[genscope] WARN " + message);
            }

            @Override
            public void error(String message) {
                System.err.println("[genscope] ERROR " + message);
            }

            @Override
            public void info(String message) {
                System.err.println("[genscope] INFO " + message);
            }
        };
    }
}
