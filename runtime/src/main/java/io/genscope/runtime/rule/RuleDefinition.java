package io.genscope.runtime.rule;

import io.genscope.runtime.Role;
import io.genscope.runtime.capture.PathRoot;
import io.genscope.runtime.capture.PropertyPath;

import java.util.Objects;

/**
 * A config rule as the runtime sees it: what its calls mean and what to capture from them. The
 * agent hands these over at start-up; the advice refers to a rule by its position in that list.
 *
 * @param name     unique, shown in MBean names and events
 * @param role     how its calls are counted
 * @param captures what to read from its calls
 */
public record RuleDefinition(String name, Role role, RuleCaptures captures) {

    public RuleDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(captures, "captures");
    }

    /**
     * Whether a capture reads the receiver or an argument when the call ends: the code length and
     * dependencies of a generation, every capture of a validation. Only then does the advice keep
     * them until the end of the call; otherwise the instrumented method's frame need not hold them
     * across its body, which matters to a method that recurses.
     */
    public boolean readsCallAtExit() {
        return switch (role) {
            case GENERATION -> readsCall(captures.codeLength()) || readsCall(captures.dependencies());
            case VALIDATION -> captures.callPaths().values().stream().anyMatch(RuleDefinition::readsCall);
            case RETRY, REQUEST -> false;
        };
    }

    private static boolean readsCall(PropertyPath path) {
        return path != null && (path.root() == PathRoot.THIS || path.root() == PathRoot.ARGUMENT);
    }
}
