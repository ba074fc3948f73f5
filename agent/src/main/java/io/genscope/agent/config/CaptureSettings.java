package io.genscope.agent.config;

/**
 * The {@code capture} block of a rule: which values to read from each intercepted call. Every
 * component is {@code null} when its key is absent. The first six and the last three only appear on
 * {@code generation} rules, the three after them only on {@code validation} rules; {@code retry} rules
 * capture nothing. Captured values are metadata (lengths, names, counts), never prompt or code.
 *
 * @param projectId            {@code project-id}: the project the generation is for.
 * @param model                {@code model}: the model that generated.
 * @param functionName         {@code function-name}: what was generated, e.g. a class name.
 * @param promptLength         {@code prompt-length}: length of the prompt, in characters.
 * @param codeLength           {@code code-length}: length of the generated code, in characters.
 * @param dependencies         {@code dependencies}: dependencies the generated code declares.
 * @param validationOk         {@code validation-ok}: whether the validation passed.
 * @param errors               {@code errors}: the errors a validation found.
 * @param detectedDependencies {@code detected-dependencies}: dependencies the validation found.
 * @param variant              {@code variant}: the prompt template version or experiment arm.
 * @param userId               {@code user-id}: who asked; kept as a pseudonym unless
 *                             {@code store.user-ids} is {@code plain}.
 * @param promptCategory       {@code prompt-category}: a label the generator computes, such as a
 *                             template id or a detected intent.
 */
public record CaptureSettings(
        CaptureExpression projectId,
        CaptureExpression model,
        CaptureExpression functionName,
        CaptureExpression promptLength,
        CaptureExpression codeLength,
        CaptureExpression dependencies,
        CaptureExpression validationOk,
        ErrorCaptureSettings errors,
        CaptureExpression detectedDependencies,
        CaptureExpression variant,
        CaptureExpression userId,
        CaptureExpression promptCategory) {

    /** A rule without a {@code capture} block. */
    public static final CaptureSettings NONE =
            new CaptureSettings(null, null, null, null, null, null, null, null, null);

    /** Captures without breakdown values. */
    public CaptureSettings(CaptureExpression projectId, CaptureExpression model, CaptureExpression functionName,
                           CaptureExpression promptLength, CaptureExpression codeLength,
                           CaptureExpression dependencies, CaptureExpression validationOk,
                           ErrorCaptureSettings errors, CaptureExpression detectedDependencies) {
        this(projectId, model, functionName, promptLength, codeLength, dependencies, validationOk, errors,
                detectedDependencies, null, null, null);
    }
}
