package io.genscope.agent.capture;

import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.rule.RuleCaptures;

import java.util.LinkedHashMap;
import java.util.Map;

/** A rule's capture paths by config field name ({@code capture.model}, …), for messages. */
public final class CaptureFields {

    private CaptureFields() {
    }

    /** The paths read from the call itself (not per error element), keyed by config field. */
    public static Map<String, PropertyPath> callPaths(RuleCaptures c) {
        Map<String, PropertyPath> paths = new LinkedHashMap<>();
        put(paths, "capture.project-id", c.projectId());
        put(paths, "capture.model", c.model());
        put(paths, "capture.function-name", c.functionName());
        put(paths, "capture.prompt-length", c.promptLength());
        put(paths, "capture.code-length", c.codeLength());
        put(paths, "capture.dependencies", c.dependencies());
        put(paths, "capture.validation-ok", c.validationOk());
        put(paths, "capture.errors.each", c.errors());
        put(paths, "capture.detected-dependencies", c.detectedDependencies());
        return paths;
    }

    private static void put(Map<String, PropertyPath> paths, String field, PropertyPath path) {
        if (path != null) {
            paths.put(field, path);
        }
    }
}
