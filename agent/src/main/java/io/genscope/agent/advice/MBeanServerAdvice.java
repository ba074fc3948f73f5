package io.genscope.agent.advice;

import io.genscope.runtime.Genscope;
import net.bytebuddy.asm.Advice;

import javax.management.MBeanServer;

/**
 * Inlined at the end of {@code ManagementFactory.getPlatformMBeanServer()}: tells the runtime the
 * platform MBean server exists, so Genscope's MBeans are registered by whoever creates it (the
 * application, a library, the JVM's JMX agent, a JConsole attaching) and Genscope never creates
 * it itself. The server is handed over, so registering never calls back into
 * {@code getPlatformMBeanServer()}. Later calls find the MBeans registered and return at once.
 */
public final class MBeanServerAdvice {

    private MBeanServerAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Return MBeanServer server) {
        Genscope.platformMBeanServerCreated(server);
    }
}
