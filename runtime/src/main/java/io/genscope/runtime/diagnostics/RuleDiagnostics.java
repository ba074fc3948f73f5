package io.genscope.runtime.diagnostics;

import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.store.BreakdownDimension;
import io.genscope.runtime.store.ThreadCallCounts;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one rule has done so far: the methods it instrumented, how often they ran, and which
 * captures failed. Feeds the Diagnostics MBean, so a rule that matched nothing or a capture that
 * never resolves is visible without reading logs.
 *
 * <p>Thread-safe. Calls are counted per thread ({@link ThreadCallCounts}), the rest striped;
 * {@link #captureFailed} and {@link #internalError} count every problem and say which to log
 * ({@link ProblemThrottle}), so a broken capture on a hot method does not flood the log.
 */
public final class RuleDiagnostics {

    /** The breakdown dimensions any of {@code rules} captures, in the dimensions' order. */
    public static Set<BreakdownDimension> breakdownDimensions(List<RuleDiagnostics> rules) {
        Set<BreakdownDimension> captured = EnumSet.noneOf(BreakdownDimension.class);
        rules.forEach(rule -> captured.addAll(rule.rule().captures().breakdownDimensions()));
        return captured;
    }

    private final RuleDefinition rule;
    private final Set<String> matchedMethods = ConcurrentHashMap.newKeySet();
    private final ProblemThrottle problems = new ProblemThrottle();
    /** Shared with the diagnostics of the rule's later definitions, so its count goes on. */
    private final CallTally calls;
    private final LongAdder captureFailures;
    private final LongAdder internalErrors;
    private volatile String lastCaptureFailure;

    public RuleDiagnostics(RuleDefinition rule) {
        this.rule = rule;
        this.calls = new CallTally();
        this.captureFailures = new LongAdder();
        this.internalErrors = new LongAdder();
        this.lastCaptureFailure = "";
    }

    /**
     * The diagnostics of {@code rule}, a new definition of the rule {@code before} describes (a
     * reload changed its selectors or captures): its counters go on from {@code before}'s, its
     * matched methods start empty, as the new definition is woven afresh.
     */
    public RuleDiagnostics(RuleDefinition rule, RuleDiagnostics before) {
        this.rule = rule;
        this.calls = before.calls;
        this.captureFailures = before.captureFailures;
        this.internalErrors = before.internalErrors;
        this.lastCaptureFailure = before.lastCaptureFailure;
    }

    public RuleDefinition rule() {
        return rule;
    }

    /** Records that the agent instrumented {@code method} (a readable signature) for this rule. */
    public void matched(String method) {
        matchedMethods.add(method);
    }

    /**
     * This rule's calls are counted in {@code counts}, at the rule's store slot {@code slot}, by
     * the recording threads (see {@link ThreadCallCounts}); until then {@link #calls()} is 0.
     */
    public void countsCallsIn(ThreadCallCounts counts, int slot) {
        calls.bind(counts, slot);
    }

    /**
     * Records a capture that could not be read, at {@code nowNanos} (monotonic).
     *
     * @return what to log, see {@link ProblemThrottle#admit}
     */
    public long captureFailed(String field, String problem, long nowNanos) {
        captureFailures.increment();
        lastCaptureFailure = field + ": " + problem;
        return problems.admit(field, nowNanos);
    }

    /** Whether any method has been instrumented for this rule; cheaper than {@link #matchedMethods()}. */
    public boolean hasMatched() {
        return !matchedMethods.isEmpty();
    }

    /**
     * Records a failure inside the recorder while it handled a call of this rule, in {@code stage}
     * (enter, exit...), at {@code nowNanos} (monotonic): that call went unrecorded.
     *
     * @return what to log, see {@link ProblemThrottle#admit}
     */
    public long internalError(String stage, long nowNanos) {
        internalErrors.increment();
        return problems.admit(stage, nowNanos);
    }

    public List<String> matchedMethods() {
        return matchedMethods.stream().sorted().toList();
    }

    public long calls() {
        return calls.count();
    }

    public long captureFailures() {
        return captureFailures.sum();
    }

    public long internalErrors() {
        return internalErrors.sum();
    }

    public String lastCaptureFailure() {
        return lastCaptureFailure;
    }

    public void reset() {
        calls.reset();
        captureFailures.reset();
        internalErrors.reset();
        problems.reset();
        lastCaptureFailure = "";
    }
}
