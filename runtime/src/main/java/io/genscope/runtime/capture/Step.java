package io.genscope.runtime.capture;

/**
 * One {@code .name} or {@code .name()} of a path.
 *
 * @param name       a field, getter, record component, no-arg method or map key name
 * @param invocation {@code true} when written as {@code name()}: only a no-arg method matches
 */
public record Step(String name, boolean invocation) {

    @Override
    public String toString() {
        return invocation ? name + "()" : name;
    }
}
