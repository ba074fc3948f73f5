package io.genscope.runtime.jmx;

import java.util.List;

/**
 * One rule's health, a row of the Diagnostics MBean's Rules table.
 *
 * @param role               generation, validation or retry
 * @param matchedMethods     the methods the agent instrumented for it, as {@code Class#method(params)}
 * @param matchedNothing     true while no loaded class had a method the rule selects
 * @param calls              intercepted calls so far
 * @param captureFailures    capture reads that failed so far (the field is left empty each time)
 * @param lastCaptureFailure the latest failure, "" if none
 * @param internalErrors     calls the recorder failed on inside Genscope (not recorded) so far
 */
public record RuleStatus(
        String role,
        List<String> matchedMethods,
        boolean matchedNothing,
        long calls,
        long captureFailures,
        String lastCaptureFailure,
        long internalErrors) {
}
