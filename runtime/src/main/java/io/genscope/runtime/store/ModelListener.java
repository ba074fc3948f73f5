package io.genscope.runtime.store;

/**
 * Told when a model may have entered or left the retention: a slice admitted it, or a slice that
 * had admitted it was let go. Announcements may arrive out of order from different threads, so
 * the listener asks {@link TelemetryStore#retainsModel} where the model stands now. Called on
 * the recording thread: it must be cheap and must not throw.
 */
@FunctionalInterface
public interface ModelListener {

    void changed(String model);
}
