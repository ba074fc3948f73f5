package io.genscope.runtime.rule;

import io.genscope.runtime.Role;

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
}
