package io.genscope.runtime.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one validation call. Mutable and reused per thread; not thread-safe.
 */
public final class ValidationRecord {

    public String ruleName;
    public boolean ok;
    /** 1-based index of this validation within its generation; 0 outside any generation. */
    public int attempt;
    public long durationNanos;
    public final List<ErrorInfo> errors = new ArrayList<>();
    public List<String> detectedDependencies = List.of();

    public void begin(String ruleName, int attempt) {
        this.ruleName = ruleName;
        this.attempt = attempt;
        ok = true;
        durationNanos = 0;
        errors.clear();
        detectedDependencies = List.of();
    }
}
