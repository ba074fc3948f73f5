package io.genscope.runtime.capture;

/** The value a {@link PropertyPath} starts from. */
public enum PathRoot {
    /** The instance the intercepted method runs on; {@code null} for static methods. */
    THIS,
    /** One argument of the intercepted call, by position. */
    ARGUMENT,
    /** What the call returned, or the value a returned {@code CompletableFuture} completed with. */
    RETURN,
    /** What the call threw, or {@code null}. */
    THROWN,
    /** One element of a collection being captured element by element (errors). */
    ELEMENT;

    /** Whether the value exists only once the call has finished. */
    public boolean availableOnlyAtExit() {
        return this == RETURN || this == THROWN;
    }
}
