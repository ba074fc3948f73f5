package io.genscope.agent.weave;

/**
 * What the agent inserts into one method: calls into the runtime when it is entered and when it
 * returns or throws, for the rule (or variant) at {@code rule}.
 *
 * @param rule          the index the runtime knows the rule or variant by, a constant in the code
 * @param slots         the positions of the arguments handed over in the runtime's three slots,
 *                      in slot order: at most three, fewer when fewer arguments are handed over (the
 *                      runtime's remaining slots then get {@code null}); kept as a copy, and handed
 *                      out as one
 * @param passesResult  whether the exit hands over the method's result (boxed if primitive), else
 *                      {@code null}: a primitive result nobody reads is never boxed
 * @param exitReadsCall whether the exit hands over the receiver and the slots again, as they were
 *                      on entry; else the exit takes only the result or exception, and nothing
 *                      of the call is kept alive across the method's body
 */
public record WovenCall(int rule, int[] slots, boolean passesResult, boolean exitReadsCall) {

    /** How many arguments the runtime's entry point takes in slots. */
    static final int SLOTS = 3;

    public WovenCall {
        if (slots.length > SLOTS) {
            throw new IllegalArgumentException("at most " + SLOTS + " argument slots, got " + slots.length);
        }
        slots = slots.clone();
    }

    @Override
    public int[] slots() {
        return slots.clone();
    }
}
