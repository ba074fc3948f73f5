package io.genscope.runtime.recording;

import io.genscope.runtime.capture.Accessor;

/**
 * One capture field of the config ({@code capture.project-id}, ...), with the call site its path is
 * walked at. Each field's {@link #site} is a lambda of its own, so the {@code walker.read} call in
 * its body is a separate call site: the JIT sees there the one compiled path accessor of that
 * field (per rule), and inlines the path's whole walk. Read through a call shared by all fields,
 * as before, the accessor call was megamorphic and never inlined.
 *
 * <p>The sites must stay distinct methods: constants ({@code static final}, so the JIT knows the
 * site at each use), and bodies javac does not merge (it does not with debug information, which
 * the build keeps).
 *
 * @param key  the field's config key, as failures are counted and logged under
 * @param site walks the field's path from its start value
 */
record CaptureField(String key, Site site) {

    /** Walks a path at a call site of its own. */
    @FunctionalInterface
    interface Site {
        Object walk(Accessor walker, Object start) throws Throwable;
    }

    static final CaptureField PROJECT_ID = new CaptureField("capture.project-id", (walker, start) -> walker.read(start));
    static final CaptureField MODEL = new CaptureField("capture.model", (walker, start) -> walker.read(start));
    static final CaptureField FUNCTION_NAME =
            new CaptureField("capture.function-name", (walker, start) -> walker.read(start));
    static final CaptureField VARIANT = new CaptureField("capture.variant", (walker, start) -> walker.read(start));
    static final CaptureField USER_ID = new CaptureField("capture.user-id", (walker, start) -> walker.read(start));
    static final CaptureField PROMPT_CATEGORY =
            new CaptureField("capture.prompt-category", (walker, start) -> walker.read(start));
    static final CaptureField PROMPT_LENGTH =
            new CaptureField("capture.prompt-length", (walker, start) -> walker.read(start));
    static final CaptureField CODE_LENGTH = new CaptureField("capture.code-length", (walker, start) -> walker.read(start));
    static final CaptureField DEPENDENCIES =
            new CaptureField("capture.dependencies", (walker, start) -> walker.read(start));
    static final CaptureField SUCCESS_WHEN = new CaptureField("success-when", (walker, start) -> walker.read(start));
    static final CaptureField FAILURE_TYPE = new CaptureField("failure-type", (walker, start) -> walker.read(start));
    static final CaptureField ERRORS = new CaptureField("capture.errors", (walker, start) -> walker.read(start));
    static final CaptureField ERROR_TYPE = new CaptureField("capture.errors.type", (walker, start) -> walker.read(start));
    static final CaptureField ERROR_MESSAGE =
            new CaptureField("capture.errors.message", (walker, start) -> walker.read(start));
    static final CaptureField VALIDATION_OK =
            new CaptureField("capture.validation-ok", (walker, start) -> walker.read(start));
    static final CaptureField DETECTED_DEPENDENCIES =
            new CaptureField("capture.detected-dependencies", (walker, start) -> walker.read(start));
}
