package io.genscope.agent.advice;

import io.genscope.runtime.Genscope;
import net.bytebuddy.asm.Advice;

/**
 * The code Byte Buddy inlines into every instrumented method: one call into the runtime on
 * entry and one on exit. It reads the receiver, arguments, result and exception and never
 * writes them; {@code suppress = Throwable.class} guarantees that nothing Genscope throws reaches
 * the method's caller.
 *
 * <p><b>Note:</b> this is a code template, not a class that runs. It may only call public
 * members of classes on the bootstrap class path ({@link Genscope}), because its bytecode is
 * copied into classes of any class loader.
 *
 * <p>A rule whose captures read neither the receiver nor the arguments when the call ends
 * ({@code RuleDefinition.readsCallAtExit}) takes its exit from {@link ResultExitAdvice} instead.
 */
public final class CallAdvice {

    private CallAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@RuleIndex int rule,
                      @Advice.This(optional = true) Object self,
                      @Slot0 Object slot0,
                      @Slot1 Object slot1,
                      @Slot2 Object slot2) {
        return Genscope.enter(rule, self, slot0, slot1, slot2);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@RuleIndex int rule,
                     @Advice.Enter long token,
                     @Advice.This(optional = true) Object self,
                     @Slot0 Object slot0,
                     @Slot1 Object slot1,
                     @Slot2 Object slot2,
                     @Returned Object returned,
                     @Advice.Thrown Throwable thrown) {
        Genscope.exit(rule, token, self, slot0, slot1, slot2, returned, thrown);
    }
}
