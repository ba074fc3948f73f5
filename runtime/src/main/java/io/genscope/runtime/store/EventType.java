package io.genscope.runtime.store;

import java.util.Locale;

/** The raw events of DESIGN.md, in the spelling used by exports. */
public enum EventType {
    GENERATION_ATTEMPT,
    RETRY_ATTEMPT,
    VALIDATION_FAILURE,
    GENERATION_SUCCESS,
    GENERATION_FAILURE;

    public String exportName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
