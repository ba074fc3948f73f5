package io.genscope.agent.install;

import io.genscope.agent.advice.MBeanServerAdvice;
import io.genscope.runtime.Genscope;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

import javax.management.MBeanServerFactory;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

/**
 * Registers Genscope's MBeans when the platform MBean server is created, whoever creates it,
 * rather than creating it: creating it costs a hello-world JVM about 200 ms of start-up, and an
 * application that exposes JMX (or that a JConsole attaches to) creates it anyway. The hook is
 * {@link MBeanServerAdvice} on {@code ManagementFactory.getPlatformMBeanServer()}, the one way to
 * the platform server; the JVM's remote JMX agent and local attach go through it too. When an
 * agent before ours has loaded {@code ManagementFactory}, the class is retransformed; when it has
 * even created the server, the MBeans are registered at once.
 */
final class MBeanServerHook {

    /** The JDK class whose method is hooked; the one boot class the agent instruments. */
    static final String OWNER = "java.lang.management.ManagementFactory";

    private MBeanServerHook() {
    }

    /**
     * Whether {@code ManagementFactory} is loaded already (another agent used JMX before us): the
     * hook then needs the class retransformed, and the server may even exist.
     */
    static boolean ownerLoaded(Instrumentation instrumentation) {
        Optional<Module> management = management();
        if (management.isEmpty()) {
            return false;
        }
        for (Class<?> loaded : instrumentation.getInitiatedClasses(null)) {
            // the module first: a field read, where getName is a native call for each of some 1,000 boot classes
            if (loaded.getModule() == management.get() && loaded.getName().equals(OWNER)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Module> management() {
        return ModuleLayer.boot().findModule("java.management");
    }

    /**
     * Whether the platform MBean server exists already, so nobody may ask for it again: then the
     * MBeans are registered at once. Asked only when {@link #ownerLoaded}, as it loads JMX.
     */
    static boolean serverExists() {
        return !MBeanServerFactory.findMBeanServer(null).isEmpty();
    }

    /**
     * The hook's weaving. {@code java.management} is a named module, so as the class is woven the
     * module is given read access to the runtime that the inlined advice calls. The module and the
     * advice are touched only when the class loads (once): most applications never load it, and
     * each is start-up time.
     */
    static ClassWeaving weaving(Instrumentation instrumentation, AdviceClassFiles adviceClassFiles) {
        return new ClassWeaving() {
            @Override
            public ElementMatcher<? super TypeDescription> types() {
                return named(OWNER);
            }

            @Override
            public boolean selects(ArrivingClass arriving) {
                return arriving.outline().name().equals(OWNER);
            }

            @Override
            public DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type) {
                Optional<Module> management = management();
                if (management.isPresent()) {
                    instrumentation.redefineModule(management.get(), Set.of(Genscope.class.getModule()), Map.of(),
                            Map.of(), Set.of(), Map.of());
                }
                return builder.visit(adviceClassFiles.advice(MBeanServerAdvice.class, Advice.withCustomMapping())
                        .on(named("getPlatformMBeanServer").and(isStatic()).and(takesNoArguments())));
            }
        };
    }
}
