package io.genscope.agent.install;

import io.genscope.runtime.RuntimeLog;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports what Byte Buddy did: a class it failed to instrument is an agent error (the class
 * loads unchanged); a class it instrumented is a debug line. A failed {@link MBeanServerHook}
 * has the MBeans registered at the next intercepted call instead, since a class is loading.
 */
final class InstrumentationListener extends AgentBuilder.Listener.Adapter {

    private static final Logger LOGGER = LoggerFactory.getLogger(InstrumentationListener.class);

    private final RuntimeLog log;
    private final Runnable mBeanServerHookFailed;

    InstrumentationListener(RuntimeLog log, Runnable mBeanServerHookFailed) {
        this.log = log;
        this.mBeanServerHookFailed = mBeanServerHookFailed;
    }

    @Override
    public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                 DynamicType dynamicType) {
        LOGGER.debug("instrumented {}", type.getName());
    }

    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
        if (MBeanServerHook.OWNER.equals(typeName)) {
            mBeanServerHookFailed.run();
            log.error("could not hook the creation of the platform MBean server (" + error
                    + "); the MBeans are registered at the next intercepted call instead");
        } else {
            log.error("could not instrument " + typeName + ": " + error + "; the class runs uninstrumented");
        }
    }
}
