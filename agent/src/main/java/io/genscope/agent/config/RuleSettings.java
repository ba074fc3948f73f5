package io.genscope.agent.config;

import io.genscope.runtime.Role;

import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code rules}: which methods to intercept, what they mean to the generator, and
 * what to capture from each call.
 *
 * <p><b>Note:</b> YAML gives {@code *}, {@code [} and {@code ]} meanings of their own, so quote a
 * value that starts with {@code *} ({@code method: "*Code"}) and an array type inside a
 * {@code [...]} list ({@code parameters: ['java.lang.String[]']}).
 *
 * @param name           {@code name}: unique among the rules; used in reports and logs. Default
 *                       {@code <simple class name or class glob>.<method>}.
 * @param role           {@code role}: how a call is counted. Required.
 * @param classSelector  {@code class} (a class name or glob) or {@code implements} (every subtype of
 *                       a type). Exactly one of them is required.
 * @param methodPattern  {@code method}: a method name or a glob with {@code *} and {@code ?}.
 *                       Required unless {@code annotation} is given; then default {@code *}.
 * @param parameterTypes {@code parameters}: the exact parameter type names, as in
 *                       {@code java.lang.String[]} or {@code int}; {@code null} matches any.
 * @param annotation     {@code annotation}: the method must carry this annotation type;
 *                       {@code null} for none.
 * @param capture        {@code capture}: what to record from each call; {@link CaptureSettings#NONE}
 *                       when absent.
 * @param success        {@code success-when} and {@code failure-type} of a generation rule;
 *                       {@link SuccessSettings#RETURNED_NORMALLY} when absent.
 * @param origin         where in the file the rule was written, for later problem reports.
 */
public record RuleSettings(
        String name,
        Role role,
        ClassSelector classSelector,
        String methodPattern,
        List<String> parameterTypes,
        String annotation,
        CaptureSettings capture,
        SuccessSettings success,
        ConfigOrigin origin) {

    /** A rule that does not say what success is. */
    public RuleSettings(String name, Role role, ClassSelector classSelector, String methodPattern,
                        List<String> parameterTypes, String annotation, CaptureSettings capture, ConfigOrigin origin) {
        this(name, role, classSelector, methodPattern, parameterTypes, annotation, capture,
                SuccessSettings.RETURNED_NORMALLY, origin);
    }

    public RuleSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(classSelector, "classSelector");
        Objects.requireNonNull(methodPattern, "methodPattern");
        parameterTypes = parameterTypes == null ? null : List.copyOf(parameterTypes);
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(success, "success");
        Objects.requireNonNull(origin, "origin");
    }

    /** Whether a method of this name is selected by {@link #methodPattern()}. */
    public boolean matchesMethodName(String methodName) {
        return JavaNames.globMatches(methodPattern, methodName);
    }
}
