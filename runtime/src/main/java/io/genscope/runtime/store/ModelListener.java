package io.genscope.runtime.store;

/**
 * Told when a model may have entered or left the retention: a slice admitted it, or a slice that
 * had admitted it was let go. Announcements may arrive out of order from different threads, so
 * the listener asks {@link TelemetryStore#retainsModel} where the model stands now. Called on
 * the recording thread, inside the host's call: it must be cheap, must not throw, must not block
 * and must not run code the host could observe (an MBean server's notifications, say). The JMX
 * exporter only queues the name for a thread of its own.
 */
@FunctionalInterface
public interface ModelListener {

    void changed(String model);
}
