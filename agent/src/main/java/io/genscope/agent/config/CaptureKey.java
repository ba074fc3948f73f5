package io.genscope.agent.config;

import io.genscope.runtime.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys of a rule's {@code capture} block and the role whose calls they make sense on: what a
 * generation produces is meaningless on a validation and the other way round.
 */
enum CaptureKey {
    PROJECT_ID("project-id", Role.GENERATION),
    MODEL("model", Role.GENERATION),
    FUNCTION_NAME("function-name", Role.GENERATION),
    PROMPT_LENGTH("prompt-length", Role.GENERATION),
    CODE_LENGTH("code-length", Role.GENERATION),
    DEPENDENCIES("dependencies", Role.GENERATION),
    VARIANT("variant", Role.GENERATION),
    USER_ID("user-id", Role.GENERATION),
    PROMPT_CATEGORY("prompt-category", Role.GENERATION),
    VALIDATION_OK("validation-ok", Role.VALIDATION),
    ERRORS("errors", Role.VALIDATION),
    DETECTED_DEPENDENCIES("detected-dependencies", Role.VALIDATION);

    /** Every key as written in the config file. */
    static final List<String> NAMES = names();

    private final String configName;
    private final Role role;

    CaptureKey(String configName, Role role) {
        this.configName = configName;
        this.role = role;
    }

    String configName() {
        return configName;
    }

    /** The config names in declaration order; a loop, not a stream: it runs at every start. */
    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (CaptureKey key : values()) {
            names.add(key.configName);
        }
        return List.copyOf(names);
    }

    /** The only role whose rules may have this capture. */
    Role role() {
        return role;
    }
}
