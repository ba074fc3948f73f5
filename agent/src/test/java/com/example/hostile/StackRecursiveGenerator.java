package com.example.hostile;

/**
 * The generator of {@code StackRecursiveHost}: a recursion as small as a method can be, so that
 * whatever an agent adds to each level weighs most. Outside {@code io.genscope}, whose classes
 * Genscope never instruments. The rules of the tests instrument {@link #depth} as a generation (a
 * nested call is a retry), as a retry inside {@link #generate}, or as a validation.
 */
public final class StackRecursiveGenerator {

    /** The smallest {@code n} the running recursion has reached: its depth is the start minus this. */
    private int lowest;

    /** One level per call; nothing of it is live across the recursive call but the return address. */
    public int depth(int n) {
        lowest = n;
        return n == 0 ? 0 : depth(n - 1) + 1;
    }

    /** The outer call, a generation for the rule that instruments {@link #depth} as a retry. */
    public int generate(int n) {
        return depth(n);
    }

    /** How deep the last recursion started at {@code start} went. */
    public int reachedFrom(int start) {
        return start - lowest;
    }
}
