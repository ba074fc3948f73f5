package io.genscope.runtime.diagnostics;

import io.genscope.runtime.rule.RuleDefinition;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one rule has done so far: the methods it instrumented, how often they ran, and which
 * captures failed. Feeds the Diagnostics MBean, so a rule that matched nothing or a capture that
 * never resolves is visible without reading logs.
 *
 * <p>Thread-safe. Counters are striped; {@link #captureFailed} reports a field's first failure
 * only, so a broken capture on a hot method does not flood the log.
 */
public final class RuleDiagnostics {

    private final RuleDefinition rule;
    private final Set<String> matchedMethods = ConcurrentHashMap.newKeySet();
    private final Set<String> failedFields = ConcurrentHashMap.newKeySet();
    private final LongAdder calls = new LongAdder();
    private final LongAdder captureFailures = new LongAdder();
    private volatile String lastCaptureFailure = "";

    public RuleDiagnostics(RuleDefinition rule) {
        this.rule = rule;
    }

    public RuleDefinition rule() {
        return rule;
    }

    /** Records that the agent instrumented {@code method} (a readable signature) for this rule. */
    public void matched(String method) {
        matchedMethods.add(method);
    }

    public void called() {
        calls.increment();
    }

    /**
     * Records a capture that could not be read.
     *
     * @return {@code true} the first time {@code field} fails, when the caller should log it
     */
    public boolean captureFailed(String field, String problem) {
        captureFailures.increment();
        lastCaptureFailure = field + ": " + problem;
        return failedFields.add(field);
    }

    public List<String> matchedMethods() {
        return matchedMethods.stream().sorted().toList();
    }

    public long calls() {
        return calls.sum();
    }

    public long captureFailures() {
        return captureFailures.sum();
    }

    public String lastCaptureFailure() {
        return lastCaptureFailure;
    }

    public void reset() {
        calls.reset();
        captureFailures.reset();
        failedFields.clear();
        lastCaptureFailure = "";
    }
}
