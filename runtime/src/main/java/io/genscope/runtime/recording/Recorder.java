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
     * @return a token the advice hands back to {@link #exit}: opaque, {@code 0} when the advice
     *         could not call this (the thread's stack was exhausted, say)
     */
    long enter(int rule, Object self, Object[] args);

    /** The call ends, by returning {@code returned} or throwing {@code thrown}. */
    void exit(int rule, long token, Object self, Object[] args, Object returned, Throwable thrown);

    /**
     * {@link #enter} as the advice calls it: the arguments the rule reads come in slots (see
     * {@code ArgumentSlots}), so no array is allocated per call.
     */
    long enterWithSlots(int rule, Object self, Object slot0, Object slot1, Object slot2);

    /** {@link #exit} as the advice calls it, arguments in slots. */
    void exitWithSlots(int rule, long token, Object self, Object slot0, Object slot1, Object slot2, Object returned,
                       Throwable thrown);
}
