package io.genscope.runtime.alerts;

/**
 * Told of every alert that fires or recovers, on the {@value AlertMonitor#THREAD_NAME} thread,
 * once per change and never per evaluation. Must not block for long: the next evaluation waits.
 */
@FunctionalInterface
public interface AlertListener {

    void changed(AlertChange change);
}
