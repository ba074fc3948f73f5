package io.genscope.agent.config;

import io.genscope.agent.config.ConfigProblem.Severity;
import io.genscope.runtime.Role;

/**
 * Reads a rule's {@code success-when} and {@code failure-type}. A bad one costs only itself: it
 * is reported with its line and dropped, and the rule's generations succeed when they return
 * normally, as without it.
 */
final class SuccessReader {

    static final String WHEN = "success-when";
    static final String FAILURE_TYPE = "failure-type";
    private static final String DROPPED = "dropped; the rule's generations succeed when they return normally";
    private static final ValueReader<CaptureExpression> EXPRESSION = Values.expression();

    private SuccessReader() {
    }

    /**
     * @param rule the rule's mapping
     * @param role the rule's role: only generation rules say what success is
     * @param path the rule's path, as in {@code rules[0]}
     */
    static SuccessSettings read(YamlNode.Mapping rule, Role role, String path, Problems problems) {
        Complaint dropped = problems.complaint(Severity.SETTING, DROPPED);
        YamlNode when = rule.get(WHEN);
        YamlNode failureType = rule.get(FAILURE_TYPE);
        if (when == null && failureType == null) {
            return SuccessSettings.RETURNED_NORMALLY;
        }
        if (role != Role.GENERATION) {
            YamlNode given = when != null ? when : failureType;
            dropped.at(given.line(), YamlNode.keyPath(path, when != null ? WHEN : FAILURE_TYPE),
                    "only generation rules say what success is, but this rule's role is "
                            + (role == null ? "not known" : role.configName()));
            return SuccessSettings.RETURNED_NORMALLY;
        }
        if (when == null) {
            dropped.at(failureType.line(), YamlNode.keyPath(path, FAILURE_TYPE),
                    "failure-type names the type of a generation success-when finds failed; give success-when too,"
                            + " as in success-when: return.ok");
            return SuccessSettings.RETURNED_NORMALLY;
        }
        CaptureExpression whenExpression = onResult(when, YamlNode.keyPath(path, WHEN), dropped);
        if (whenExpression == null) {
            return SuccessSettings.RETURNED_NORMALLY;
        }
        CaptureExpression type = failureType == null ? null
                : onResult(failureType, YamlNode.keyPath(path, FAILURE_TYPE),
                        problems.complaint(Severity.SETTING, "dropped; a failed generation's type is unsuccessful"));
        return new SuccessSettings(whenExpression, type);
    }

    /** The expression, when it is one rooted at {@code return}; else {@code null}, reported. */
    private static CaptureExpression onResult(YamlNode node, String field, Complaint complaint) {
        CaptureExpression expression = EXPRESSION.readOr(node, field, complaint);
        if (expression != null && expression.root() != CaptureExpression.Root.RETURN) {
            complaint.at(node.line(), field, "'" + expression + "' is read on " + expression.root().name()
                    .toLowerCase(java.util.Locale.ROOT) + "; it must read the result, as in return.ok");
            return null;
        }
        return expression;
    }
}
