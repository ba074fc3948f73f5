package io.genscope.runtime.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** One retry: a retry-role call, or a nested call of a generation method, from its entry to its end. */
@Name("io.genscope.Retry")
@Label("Retry")
@Description("One retry inside a generation: a call of a retry method, or a nested call of the generation method")
final class RetryEvent extends GenscopeEvent {

    @Label("Retry Rule")
    @Description("The rule of the retried call: a retry rule, or the generation rule for a nested call")
    String retry;

    @Label("Attempt")
    @Description("The attempt this retry makes: 2 for the first retry of a generation; 0 outside any generation call")
    int attempt;
}
