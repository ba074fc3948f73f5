package io.genscope.runtime.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** One call of a validation-role method, from its entry to its end. */
@Name("io.genscope.Validation")
@Label("Validation")
@Description("One validation call; inside a generation, or after one in the same request, it carries that generation's"
        + " generator, model, project and breakdown values; one before its request's first generation carries only"
        + " the request")
final class ValidationEvent extends GenscopeEvent {

    @Label("Validator")
    @Description("The validation rule")
    String validator;

    @Label("Attempt")
    @Description("The validation's number within its generation, from 1; 0 outside any generation")
    int attempt;

    @Label("Passed")
    boolean passed;

    @Label("Errors")
    @Description("How many errors the validation reported; -1 when its list did not say")
    int errors;

    @Label("Error Type")
    @Description("The type of the first error (a diagnostic code, or an exception's class name); empty when none")
    String errorType;

    @Label("Detected Dependencies")
    int detectedDependencies;
}
