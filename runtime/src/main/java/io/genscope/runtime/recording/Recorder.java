package io.genscope.runtime.recording;

/**
 * What the advice's two calls reach. Implementations never throw and never change the call's
 * arguments, result or exception: they only read them.
 */
public interface Recorder {

    /**
     * An intercepted call of rule {@code rule} starts.
     *
     * @param self the receiver, {@code null} for static methods
     * @param args the arguments, or {@code null} when the rule's captures read none
     * @return a token the advice hands back to {@link #exit}: the start time
     */
    long enter(int rule, Object self, Object[] args);

    /** The call ends, by returning {@code returned} or throwing {@code thrown}. */
    void exit(int rule, long token, Object self, Object[] args, Object returned, Throwable thrown);
}
