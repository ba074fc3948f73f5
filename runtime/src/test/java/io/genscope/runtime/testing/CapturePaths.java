package io.genscope.runtime.testing;

import io.genscope.runtime.capture.PathRoot;
import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.capture.Step;

import java.util.Arrays;
import java.util.List;

/**
 * Short spellings of compiled capture paths, as the agent would build them from the config:
 * {@code arg(0, "prompt", "length")} is {@code args[0].prompt.length}; a step written
 * {@code "name()"} only matches a no-arg method.
 */
public final class CapturePaths {

    private CapturePaths() {
    }

    public static PropertyPath arg(int index, String... steps) {
        return PropertyPath.of(PathRoot.ARGUMENT, index, steps(steps));
    }

    public static PropertyPath self(String... steps) {
        return PropertyPath.of(PathRoot.THIS, -1, steps(steps));
    }

    public static PropertyPath returned(String... steps) {
        return PropertyPath.of(PathRoot.RETURN, -1, steps(steps));
    }

    public static PropertyPath thrown(String... steps) {
        return PropertyPath.of(PathRoot.THROWN, -1, steps(steps));
    }

    public static PropertyPath element(String... steps) {
        return PropertyPath.of(PathRoot.ELEMENT, -1, steps(steps));
    }

    public static List<Step> steps(String... steps) {
        return Arrays.stream(steps)
                .map(step -> step.endsWith("()")
                        ? new Step(step.substring(0, step.length() - 2), true)
                        : new Step(step, false))
                .toList();
    }
}
