package io.genscope.runtime.rule;

import io.genscope.runtime.capture.PropertyPath;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The compiled capture paths of one rule; {@code null} where the config names none.
 *
 * <p>Generation rules use the first six, validation rules the last six (from {@code validationOk}
 * to {@code errorTypePattern}). Paths rooted at {@code return} or {@code thrown} are read when the
 * call ends, all others when it starts.
 *
 * @param errors       the collection whose elements are the validation errors
 * @param errorType    read on each element of {@code errors}, the text a type is derived from;
 *                     {@code null} means the element itself (a string, derived from too) or its
 *                     class name as it is (a throwable)
 * @param errorMessage read on each element of {@code errors}; {@code null} means the element itself
 *                     (a string) or its message (a throwable)
 * @param errorTypePattern {@code type-pattern}: group 1 of its first match in an error's type
 *                     text is the type; {@code null} derives it by the built-in rules
 */
public record RuleCaptures(
        PropertyPath projectId,
        PropertyPath model,
        PropertyPath functionName,
        PropertyPath promptLength,
        PropertyPath codeLength,
        PropertyPath dependencies,
        PropertyPath validationOk,
        PropertyPath errors,
        PropertyPath errorType,
        PropertyPath errorMessage,
        PropertyPath detectedDependencies,
        Pattern errorTypePattern) {

    /** Captures without a {@code type-pattern}. */
    public RuleCaptures(PropertyPath projectId, PropertyPath model, PropertyPath functionName, PropertyPath promptLength,
                        PropertyPath codeLength, PropertyPath dependencies, PropertyPath validationOk, PropertyPath errors,
                        PropertyPath errorType, PropertyPath errorMessage, PropertyPath detectedDependencies) {
        this(projectId, model, functionName, promptLength, codeLength, dependencies, validationOk, errors, errorType,
                errorMessage, detectedDependencies, null);
    }

    /** A rule that only times its calls. */
    public static RuleCaptures none() {
        return new RuleCaptures(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The paths read from the call itself (not per error element), keyed by their config field
     * ({@code capture.model}, …), in config order; absent captures are left out.
     */
    public Map<String, PropertyPath> callPaths() {
        Map<String, PropertyPath> paths = new LinkedHashMap<>();
        put(paths, "capture.project-id", projectId);
        put(paths, "capture.model", model);
        put(paths, "capture.function-name", functionName);
        put(paths, "capture.prompt-length", promptLength);
        put(paths, "capture.code-length", codeLength);
        put(paths, "capture.dependencies", dependencies);
        put(paths, "capture.validation-ok", validationOk);
        put(paths, "capture.errors.each", errors);
        put(paths, "capture.detected-dependencies", detectedDependencies);
        return paths;
    }

    private static void put(Map<String, PropertyPath> paths, String field, PropertyPath path) {
        if (path != null) {
            paths.put(field, path);
        }
    }
}
