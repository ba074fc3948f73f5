package io.genscope.runtime;

import java.security.AccessController;
import java.security.PrivilegedAction;

/**
 * Makes Genscope's own threads, each started only when its feature is in use: daemon (never
 * holding up the JVM's exit), named {@code genscope-...} (so a thread dump says whose it is), with
 * no context class loader, no inherited thread-local and no access context of the code that
 * happened to trigger it, which would otherwise keep that code's class loaders alive.
 */
public final class GenscopeThreads {

    private GenscopeThreads() {
    }

    /** A new, unstarted daemon thread called {@code name} that runs {@code task}. */
    @SuppressWarnings("removal") // the access context must not keep the creator's class loaders (JDK 17)
    public static Thread newDaemon(String name, Runnable task) {
        return AccessController.doPrivileged((PrivilegedAction<Thread>) () -> {
            Thread thread = new Thread(null, task, name, 0, false);
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            return thread;
        });
    }
}
