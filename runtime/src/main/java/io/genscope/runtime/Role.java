package io.genscope.runtime;

/**
 * What an intercepted method means to the generator's loop. The role, not the method name,
 * decides how a call is counted; see {@code shared/DESIGN.md}, "Semantics".
 */
public enum Role {
    /** Produces code. The outermost call on a thread is one generation; nested calls are retries. */
    GENERATION,
    /** Checks generated code. Its outcome comes from captures or from the exception it throws. */
    VALIDATION,
    /** Re-attempts generation. Counted as a retry of the generation it runs inside. */
    RETRY,
    /**
     * One unit of the host's work (a service call, a batch item): the generations, validations
     * and retries on its thread inside its outermost call belong to it, whatever the nesting.
     */
    REQUEST;

    /** The spelling used in config files and reports. */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
