package io.genscope.agent.cli;

/**
 * Why a command stops early, as the one line it prints on stderr and the exit status it returns:
 * {@link #USAGE} for a command line that cannot be understood (and, for {@code attach}, a JVM
 * that cannot be reached: {@link #unreachable}), {@link #FAILED} for a request
 * that could not be carried out, its message on one line even when it quotes a multi-line
 * exception message. Thrown from deep inside a command so that every failure ends
 * the same way, as one actionable line rather than a stack trace.
 */
final class CommandFailure extends Exception {

    static final int FAILED = 1;
    static final int USAGE = 2;

    private final int status;

    private CommandFailure(int status, String message) {
        super(message.replaceAll("\\s*\\R\\s*", " "), null, false, false);
        this.status = status;
    }

    static CommandFailure usage(String message) {
        return new CommandFailure(USAGE, message);
    }

    /** No JVM to work with at the pid given: none there, or one that cannot be attached to. */
    static CommandFailure unreachable(String message) {
        return new CommandFailure(USAGE, message);
    }

    static CommandFailure failed(String message) {
        return new CommandFailure(FAILED, message);
    }

    int status() {
        return status;
    }
}
