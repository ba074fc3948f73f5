package io.genscope.runtime.rule;

import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.store.BreakdownDimension;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The compiled capture paths of one rule; {@code null} where the config names none.
 *
 * <p>Generation rules use the first six, the success pair and {@code breakdowns}, validation rules the six from
 * {@code validationOk} to {@code errorTypePattern}. Paths rooted at {@code return} or {@code thrown} are read when the
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
 * @param successWhen  a generation rule's {@code success-when}: a boolean read on the result of a
 *                     call that returned normally; {@code false} makes the generation a failure.
 *                     {@code null}: returning normally is success
 * @param failureType  a generation rule's {@code failure-type}: the failure type recorded when
 *                     {@code successWhen} is {@code false}; {@code null}: {@value #UNSUCCESSFUL}
 * @param breakdowns   the generation's {@code variant}, {@code user-id} and {@code prompt-category}
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
        Pattern errorTypePattern,
        PropertyPath successWhen,
        PropertyPath failureType,
        BreakdownCaptures breakdowns) {

    /** The failure type of a generation {@code success-when} failed when no {@code failure-type} names one. */
    public static final String UNSUCCESSFUL = "unsuccessful";

    /**
     * The paths of a generation's breakdown values, each {@code null} where the config names none.
     *
     * @param variant        {@code variant}: a prompt template version or an experiment arm
     * @param userId         {@code user-id}: kept as a pseudonym unless {@code store.user-ids} is plain
     * @param promptCategory {@code prompt-category}: a label the generator computes
     */
    public record BreakdownCaptures(PropertyPath variant, PropertyPath userId, PropertyPath promptCategory) {

        public static final BreakdownCaptures NONE = new BreakdownCaptures(null, null, null);
    }

    public RuleCaptures {
        breakdowns = breakdowns == null ? BreakdownCaptures.NONE : breakdowns;
    }

    /** Captures without {@code success-when}, {@code failure-type} and breakdown values. */
    public RuleCaptures(PropertyPath projectId, PropertyPath model, PropertyPath functionName, PropertyPath promptLength,
                        PropertyPath codeLength, PropertyPath dependencies, PropertyPath validationOk, PropertyPath errors,
                        PropertyPath errorType, PropertyPath errorMessage, PropertyPath detectedDependencies,
                        Pattern errorTypePattern) {
        this(projectId, model, functionName, promptLength, codeLength, dependencies, validationOk, errors, errorType,
                errorMessage, detectedDependencies, errorTypePattern, null, null, BreakdownCaptures.NONE);
    }

    /** Captures without a {@code type-pattern}. */
    public RuleCaptures(PropertyPath projectId, PropertyPath model, PropertyPath functionName, PropertyPath promptLength,
                        PropertyPath codeLength, PropertyPath dependencies, PropertyPath validationOk, PropertyPath errors,
                        PropertyPath errorType, PropertyPath errorMessage, PropertyPath detectedDependencies) {
        this(projectId, model, functionName, promptLength, codeLength, dependencies, validationOk, errors, errorType,
                errorMessage, detectedDependencies, null, null, null, BreakdownCaptures.NONE);
    }

    /** A rule that only times its calls. */
    public static RuleCaptures none() {
        return new RuleCaptures(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The config fields of the paths read from the call itself, in config order: bit {@code i} of
     * a dropped-captures mask ({@link #without}) stands for the {@code i}-th.
     */
    public static final List<String> CALL_FIELDS = List.of("capture.project-id", "capture.model",
            "capture.function-name", "capture.prompt-length", "capture.code-length", "capture.dependencies",
            "capture.validation-ok", "capture.errors.each", "capture.detected-dependencies", "success-when",
            "failure-type", "capture.variant", "capture.user-id", "capture.prompt-category");

    /** The bit of {@code field}, one of {@link #CALL_FIELDS}, in a dropped-captures mask. */
    public static int bit(String field) {
        int index = CALL_FIELDS.indexOf(field);
        if (index < 0) {
            throw new IllegalArgumentException("not a call capture field: " + field);
        }
        return 1 << index;
    }

    /**
     * The paths read from the call itself (not per error element), keyed by their config field
     * ({@code capture.model}, …), in config order; absent captures are left out.
     */
    public Map<String, PropertyPath> callPaths() {
        PropertyPath[] paths = byField();
        Map<String, PropertyPath> present = new LinkedHashMap<>();
        for (int i = 0; i < paths.length; i++) {
            if (paths[i] != null) {
                present.put(CALL_FIELDS.get(i), paths[i]);
            }
        }
        return present;
    }

    /** The mask of the call captures this rule has, in the bits of {@link #bit}. */
    public int presentMask() {
        PropertyPath[] paths = byField();
        int mask = 0;
        for (int i = 0; i < paths.length; i++) {
            if (paths[i] != null) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    /**
     * These captures less the call captures in {@code dropped} (bits of {@link #bit}), for the
     * methods they cannot work on; the paths kept are the same objects, so they share what they
     * resolved. Dropping {@code errors} drops its per-element {@code type} and {@code message}.
     *
     * <p><b>Note:</b> a validation left with neither {@code errors} nor {@code validation-ok} has
     * only its exception to go by: it fails when it throws and passes otherwise. A generation
     * without {@code success-when} succeeds when it returns normally, and needs no
     * {@code failure-type}: dropping the first drops the second.
     */
    public RuleCaptures without(int dropped) {
        PropertyPath[] paths = byField();
        for (int i = 0; i < paths.length; i++) {
            if ((dropped & 1 << i) != 0) {
                paths[i] = null;
            }
        }
        boolean keepsErrors = paths[7] != null;
        boolean keepsSuccess = paths[9] != null;
        return new RuleCaptures(paths[0], paths[1], paths[2], paths[3], paths[4], paths[5], paths[6], paths[7],
                keepsErrors ? errorType : null, keepsErrors ? errorMessage : null, paths[8],
                keepsErrors ? errorTypePattern : null, paths[9], keepsSuccess ? paths[10] : null,
                new BreakdownCaptures(paths[11], paths[12], paths[13]));
    }

    /** The breakdown dimensions these captures give a value of: {@code project-id} and the {@link #breakdowns}. */
    public Set<BreakdownDimension> breakdownDimensions() {
        Set<BreakdownDimension> dimensions = EnumSet.noneOf(BreakdownDimension.class);
        if (breakdowns.variant() != null) {
            dimensions.add(BreakdownDimension.VARIANT);
        }
        if (projectId != null) {
            dimensions.add(BreakdownDimension.PROJECT);
        }
        if (breakdowns.userId() != null) {
            dimensions.add(BreakdownDimension.USER);
        }
        if (breakdowns.promptCategory() != null) {
            dimensions.add(BreakdownDimension.PROMPT_CATEGORY);
        }
        return dimensions;
    }

    /** The call paths in the order of {@link #CALL_FIELDS}, {@code null} where absent. */
    private PropertyPath[] byField() {
        return new PropertyPath[] {projectId, model, functionName, promptLength, codeLength, dependencies,
                validationOk, errors, detectedDependencies, successWhen, failureType, breakdowns.variant(),
                breakdowns.userId(), breakdowns.promptCategory()};
    }
}
