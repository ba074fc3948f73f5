package io.genscope.agent.capture;

import io.genscope.agent.config.CaptureExpression;
import io.genscope.agent.config.CaptureSettings;
import io.genscope.agent.config.ErrorCaptureSettings;
import io.genscope.agent.config.RuleSettings;
import io.genscope.agent.config.SuccessSettings;
import io.genscope.runtime.capture.PathRoot;
import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.capture.Step;
import io.genscope.runtime.rule.RuleCaptures;
import io.genscope.runtime.rule.RuleDefinition;

import java.util.List;

/**
 * Turns a rule of the config file into the runtime's form: each capture expression becomes a
 * {@link PropertyPath}, parsed once here and resolved against real classes on first use.
 */
public final class RuleCompiler {

    private RuleCompiler() {
    }

    public static RuleDefinition compile(RuleSettings rule) {
        CaptureSettings c = rule.capture();
        ErrorCaptureSettings errors = c.errors();
        SuccessSettings success = rule.success();
        return new RuleDefinition(rule.name(), rule.role(), new RuleCaptures(
                path(c.projectId()),
                path(c.model()),
                path(c.functionName()),
                path(c.promptLength()),
                path(c.codeLength()),
                path(c.dependencies()),
                path(c.validationOk()),
                errors == null ? null : path(errors.each()),
                errors == null ? null : path(errors.type()),
                errors == null ? null : path(errors.message()),
                path(c.detectedDependencies()),
                errors == null ? null : errors.typePattern(),
                path(success.when()),
                path(success.failureType()),
                new RuleCaptures.BreakdownCaptures(path(c.variant()), path(c.userId()), path(c.promptCategory()))));
    }

    static PropertyPath path(CaptureExpression expression) {
        if (expression == null) {
            return null;
        }
        List<Step> steps = expression.segments().stream().map(s -> new Step(s.name(), s.call())).toList();
        return switch (expression.root()) {
            case THIS -> PropertyPath.of(PathRoot.THIS, -1, steps);
            case RETURN -> PropertyPath.of(PathRoot.RETURN, -1, steps);
            case THROWN -> PropertyPath.of(PathRoot.THROWN, -1, steps);
            case ARGUMENT -> PropertyPath.of(PathRoot.ARGUMENT, expression.argumentIndex(), steps);
            case PARAMETER -> PropertyPath.ofParameter(expression.parameterName(), steps);
            case ELEMENT -> PropertyPath.of(PathRoot.ELEMENT, -1, steps);
        };
    }
}
