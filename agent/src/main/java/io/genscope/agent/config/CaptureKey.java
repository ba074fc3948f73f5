package io.genscope.agent.config;

import java.util.Arrays;
import java.util.List;

/**
 * The keys of a rule's {@code capture} block and the role whose calls they make sense on: what a
 * generation produces is meaningless on a validation and the other way round.
 */
enum CaptureKey {
    PROJECT_ID("project-id", RuleRole.GENERATION),
    MODEL("model", RuleRole.GENERATION),
    FUNCTION_NAME("function-name", RuleRole.GENERATION),
    PROMPT_LENGTH("prompt-length", RuleRole.GENERATION),
    CODE_LENGTH("code-length", RuleRole.GENERATION),
    DEPENDENCIES("dependencies", RuleRole.GENERATION),
    VALIDATION_OK("validation-ok", RuleRole.VALIDATION),
    ERRORS("errors", RuleRole.VALIDATION),
    DETECTED_DEPENDENCIES("detected-dependencies", RuleRole.VALIDATION);

    /** Every key as written in the config file. */
    static final List<String> NAMES = Arrays.stream(values()).map(CaptureKey::configName).toList();

    private final String configName;
    private final RuleRole role;

    CaptureKey(String configName, RuleRole role) {
        this.configName = configName;
        this.role = role;
    }

    String configName() {
        return configName;
    }

    /** The only role whose rules may have this capture. */
    RuleRole role() {
        return role;
    }
}
