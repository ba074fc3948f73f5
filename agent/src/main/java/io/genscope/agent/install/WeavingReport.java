package io.genscope.agent.install;

import io.genscope.agent.logging.AgentLogging;
import io.genscope.runtime.RuntimeLog;
import org.slf4j.Logger;

/**
 * Reports what {@link AdviceWeaver} did: a class it failed to instrument is an agent error (the
 * class loads unchanged); a class it instrumented is a debug line. A failed {@link MBeanServerHook}
 * has the MBeans registered at the next intercepted call instead, since a class is loading.
 */
final class WeavingReport {

    private static final Logger LOGGER = AgentLogging.logger();

    private final RuntimeLog log;
    private final Runnable mBeanServerHookFailed;

    WeavingReport(RuntimeLog log, Runnable mBeanServerHookFailed) {
        this.log = log;
        this.mBeanServerHookFailed = mBeanServerHookFailed;
    }

    void woven(String className) {
        LOGGER.debug("instrumented {}", className);
    }

    void failed(String className, Throwable error) {
        if (MBeanServerHook.OWNER.equals(className)) {
            mBeanServerHookFailed.run();
            log.error("could not hook the creation of the platform MBean server (" + error
                    + "); the MBeans are registered at the next intercepted call instead");
        } else {
            log.error("could not instrument " + className + ": " + error + "; the class runs uninstrumented");
        }
    }
}
