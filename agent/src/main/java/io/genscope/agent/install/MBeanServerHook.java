package io.genscope.agent.install;

import io.genscope.agent.advice.MBeanServerAdvice;
import io.genscope.runtime.Genscope;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

import java.lang.instrument.Instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

/**
 * Registers Genscope's MBeans when the platform MBean server is created, whoever creates it,
 * rather than creating it: creating it costs a hello-world JVM about 200 ms of start-up, and an
 * application that exposes JMX (or that a JConsole attaches to) creates it anyway. The hook is
 * {@link MBeanServerAdvice} on {@code ManagementFactory.getPlatformMBeanServer()}, the one way to
 * the platform server; the JVM's remote JMX agent and local attach go through it too.
 */
final class MBeanServerHook {

    /** The JDK class whose method is hooked; the one boot class the agent instruments. */
    static final String OWNER = "java.lang.management.ManagementFactory";

    private MBeanServerHook() {
    }

    /**
     * Whether the hook can still work: {@code ManagementFactory} is not loaded yet. When it is
     * (another agent or the JVM used JMX before us), the server may exist already and the MBeans
     * are registered at once instead.
     */
    static boolean possible(Instrumentation instrumentation) {
        for (Class<?> loaded : instrumentation.getInitiatedClasses(null)) {
            if (loaded.getName().equals(OWNER)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the hook to {@code builder}. {@code java.management} is a named module, so it is given
     * read access to the runtime that the inlined advice calls.
     */
    static AgentBuilder addTo(AgentBuilder builder, Instrumentation instrumentation) {
        return builder.assureReadEdgeTo(instrumentation, Genscope.class)
                .type(named(OWNER))
                .transform((type, description, loader, module, domain) -> type.visit(
                        Advice.to(MBeanServerAdvice.class, AdviceClassFiles.of(MBeanServerAdvice.class))
                                .on(named("getPlatformMBeanServer").and(isStatic()).and(takesNoArguments()))));
    }
}
