package io.genscope.agent.advice;

import io.genscope.runtime.Genscope;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the start of the application's {@code main}: tells the runtime that the host is up,
 * so MBeans are registered after the host had its chance to configure JMX and logging.
 */
public final class MainAdvice {

    private MainAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter() {
        Genscope.applicationStarted();
    }
}
