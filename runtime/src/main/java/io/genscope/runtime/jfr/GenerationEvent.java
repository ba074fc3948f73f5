package io.genscope.runtime.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * One generation: the outermost call of a generation-role method on a thread, from its entry to
 * its end (for a generation that returns a future, until the future completes: the event's thread
 * is then the one that completed it).
 */
@Name("io.genscope.Generation")
@Label("Generation")
@Description("One generation, from the call of the generation method to its end; retries and validations inside it"
        + " have their own events")
final class GenerationEvent extends GenscopeEvent {

    @Label("Function")
    @Description("The function or class name captured for the generation, if any")
    String functionName;

    @Label("Outcome")
    @Description("success, or failure when the generation threw")
    String outcome;

    @Label("Failure Type")
    @Description("The class name of what the generation threw; empty on success")
    String failureType;

    @Label("Retries")
    @Description("Retries inside the generation: nested generation calls and retry-method calls")
    int retries;

    @Label("Validations")
    int validations;

    @Label("Failed Validations")
    int failedValidations;

    @Label("Prompt Length")
    @Description("The captured prompt length in characters; -1 when not captured")
    int promptLength;

    @Label("Code Length")
    @Description("The captured length of the generated code in characters; -1 when not captured")
    int codeLength;

    @Label("Dependencies")
    @Description("How many dependencies the generation declared, or its latest validation detected")
    int dependencies;

    @Label("Asynchronous")
    @Description("Whether the generation returned a future and completed when it did")
    boolean asynchronous;
}
