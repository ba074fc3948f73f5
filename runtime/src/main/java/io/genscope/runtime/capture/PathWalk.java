package io.genscope.runtime.capture;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * Walks the first {@code count} steps of a path. It starts as a generic loop over the steps and,
 * after the first walk that reached its end (so every step has been resolved on a class), becomes
 * one accessor of its own: a hidden class holding the steps' handles chained into one constant
 * handle ({@link MemberStep#handle()}), which the JIT inlines down to the field loads and getter
 * calls.
 *
 * <p>Why: a loop over {@link MemberStep}s reads every member of every path of every rule through
 * the same {@code Accessor.read} call in {@code MemberStep}, which the JIT sees megamorphic and
 * leaves a virtual call per step. A caller that reads a path at a call site of its own (one per
 * capture field, see the recorder's {@code CaptureField}) sees one accessor class there, and the
 * JIT inlines the whole walk into it.
 *
 * <p>The compiled walk behaves exactly as the loop: {@code null} anywhere gives {@code null}, a
 * value of another class than the one met first is read through the step's own caches, a getter's
 * exception goes to the caller. It is made at most once per walk (bounded), and a race only makes
 * it twice.
 */
final class PathWalk {

    private final MemberStep[] steps;
    private final int count;
    private final Accessor generic = this::walkAndCompile;
    private volatile Accessor current = generic;
    private volatile boolean compiled;

    PathWalk(MemberStep[] steps, int count) {
        this.steps = steps;
        this.count = count;
    }

    /** The accessor walking the steps from a start value: compiled once it could be. */
    Accessor accessor() {
        return current;
    }

    private Object walkAndCompile(Object start) throws Throwable {
        Object value = start;
        for (int i = 0; i < count; i++) {
            if (value == null) {
                return null;
            }
            value = steps[i].read(value);
        }
        if (!compiled && allResolved()) {
            compiled = true;
            compile();
        }
        return value;
    }

    /** Never fails the read that triggered it: a walk that cannot be compiled stays generic. */
    private void compile() {
        try {
            current = HandleAccessors.of(chain());
        } catch (RuntimeException | LinkageError refused) {
            // stays the generic walk: the same reads, only not inlined
        }
    }

    private boolean allResolved() {
        for (int i = 0; i < count; i++) {
            if (!steps[i].resolved()) {
                return false;
            }
        }
        return true;
    }

    private MethodHandle chain() {
        MethodHandle walk = MethodHandles.identity(Object.class);
        for (int i = 0; i < count; i++) {
            walk = MethodHandles.filterReturnValue(walk, steps[i].handle());
        }
        return walk;
    }
}
