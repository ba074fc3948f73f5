package io.genscope.agent.advice;

import io.genscope.runtime.Genscope;
import net.bytebuddy.asm.Advice;

/**
 * The exit of {@link CallAdvice} for a rule that reads neither the receiver nor the arguments
 * when the call ends: it hands over only the result or exception. Nothing of the call is then
 * kept alive across the method's body, and the runtime call takes four arguments, all passed
 * in registers, so a compiled frame of the instrumented method grows by the token only. That is
 * what a recursive generator pays per level. Reading no argument, it needs no
 * copy of them either ({@code backupArguments = false}): Byte Buddy otherwise copies every
 * argument into a new local on entry, which an interpreted frame pays for.
 *
 * <p><b>Note:</b> a code template like {@link CallAdvice}, inlined with its entry.
 */
public final class ResultExitAdvice {

    private ResultExitAdvice() {
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class, backupArguments = false)
    static void exit(@RuleIndex int rule,
                     @Advice.Enter long token,
                     @Returned Object returned,
                     @Advice.Thrown Throwable thrown) {
        Genscope.exit(rule, token, returned, thrown);
    }
}
