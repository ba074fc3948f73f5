package io.genscope.runtime.alerts;

/** Where one alert stands after its latest evaluation. */
public enum AlertState {

    /** Fewer samples in the window than {@code min-samples}, and not firing: too little to judge. */
    NOT_ENOUGH_DATA,
    /** Enough samples, and the value not above the threshold (or back below the recovery threshold). */
    OK,
    /**
     * The value went above the threshold with enough samples, and has not yet gone below the
     * recovery threshold with enough samples, nor has the window emptied.
     */
    FIRING
}
