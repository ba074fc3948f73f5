package io.genscope.agent.config;

import io.genscope.agent.config.ConfigProblem.Severity;
import io.genscope.runtime.Role;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a rule's {@code capture} block into {@link CaptureSettings}. A bad capture costs only
 * itself: it is reported and dropped, and the rule still counts calls.
 */
final class CaptureReader {

    private static final String DROPPED = "capture dropped";
    private static final ValueReader<CaptureExpression> EXPRESSION = Values.expression();
    private static final ValueReader<CaptureExpression> ELEMENT_EXPRESSION =
            Values.elementExpression();
    private static final ValueReader<Pattern> TYPE_PATTERN = Values.regexWithGroup();

    private CaptureReader() {
    }

    /**
     * @param node the value of {@code capture}, {@code null} when absent
     * @param role the rule's role, which decides the captures it may have
     * @param path the path of {@code node}, as in {@code rules[0].capture}
     */
    static CaptureSettings read(YamlNode node, Role role, String path, Problems problems) {
        if (node == null) {
            return CaptureSettings.NONE;
        }
        Complaint dropped = problems.complaint(Severity.SETTING, DROPPED);
        if (!(node instanceof YamlNode.Mapping capture)) {
            dropped.at(node.line(), path, "expected a mapping from capture names to expressions, got " + node.display());
            return CaptureSettings.NONE;
        }
        if ((role == Role.RETRY || role == Role.REQUEST) && !capture.entries().isEmpty()) {
            problems.add(Severity.SETTING, node.line(), path, role.configName() + " rules take no captures",
                    "captures dropped");
            return CaptureSettings.NONE;
        }
        Keys.check(capture, path, CaptureKey.NAMES, problems.complaint(Severity.SETTING, "ignored"));
        Map<CaptureKey, CaptureExpression> expressions = new EnumMap<>(CaptureKey.class);
        ErrorCaptureSettings errors = null;
        for (CaptureKey key : CaptureKey.values()) {
            YamlNode value = capture.get(key.configName());
            if (value == null) {
                continue;
            }
            String field = YamlNode.keyPath(path, key.configName());
            if (key.role() != role) {
                dropped.at(value.line(), field, "'" + key.configName() + "' is a capture of " + key.role().configName()
                        + " rules, but this rule's role is " + role.configName());
            } else if (key == CaptureKey.ERRORS) {
                errors = errors(value, field, dropped);
            } else {
                expressions.put(key, EXPRESSION.readOr(value, field, dropped));
            }
        }
        return new CaptureSettings(
                expressions.get(CaptureKey.PROJECT_ID),
                expressions.get(CaptureKey.MODEL),
                expressions.get(CaptureKey.FUNCTION_NAME),
                expressions.get(CaptureKey.PROMPT_LENGTH),
                expressions.get(CaptureKey.CODE_LENGTH),
                expressions.get(CaptureKey.DEPENDENCIES),
                expressions.get(CaptureKey.VALIDATION_OK),
                errors,
                expressions.get(CaptureKey.DETECTED_DEPENDENCIES),
                expressions.get(CaptureKey.VARIANT),
                expressions.get(CaptureKey.USER_ID),
                expressions.get(CaptureKey.PROMPT_CATEGORY));
    }

    /**
     * {@code errors: return.errors}, or {@code errors: {each, type, message, type-pattern}};
     * {@code null} when bad.
     */
    private static ErrorCaptureSettings errors(YamlNode node, String field, Complaint dropped) {
        if (!(node instanceof YamlNode.Mapping object)) {
            CaptureExpression each = EXPRESSION.readOr(node, field, dropped);
            return each == null ? null : new ErrorCaptureSettings(each, null, null, null);
        }
        MappingFields fields = new MappingFields(object, field, dropped);
        fields.checkKeys(List.of("each", "type", "message", "type-pattern"));
        CaptureExpression each = fields.required("each", EXPRESSION, "the expression of the errors, as in return.errors");
        CaptureExpression type = fields.optional("type", ELEMENT_EXPRESSION);
        CaptureExpression message = fields.optional("message", ELEMENT_EXPRESSION);
        Pattern typePattern = fields.optional("type-pattern", TYPE_PATTERN);
        return fields.clean() ? new ErrorCaptureSettings(each, type, message, typePattern) : null;
    }
}
