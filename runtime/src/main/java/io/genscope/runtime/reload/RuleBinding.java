package io.genscope.runtime.reload;

import io.genscope.runtime.diagnostics.RuleDiagnostics;

/**
 * Where a rule of the config in use records: its store slot, the index its advice passes for its
 * full captures (the base of its variants), and its diagnostics.
 */
public record RuleBinding(int slot, int advice, RuleDiagnostics diagnostics) {
}
