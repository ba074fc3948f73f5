package io.genscope.runtime.jfr;

import io.genscope.runtime.RuntimeLog;

/**
 * Where the recorder's calls also go as JDK Flight Recorder events ({@code io.genscope.Generation},
 * {@code io.genscope.Validation}, {@code io.genscope.Retry}, {@code io.genscope.Request}, category
 * {@code Genscope}), beside GC and thread activity, while a recording that enables them runs.
 *
 * <p>This interface and {@link ThreadTimeline} name no {@code jdk.jfr} type, so the recorder runs
 * on a JVM without the {@code jdk.jfr} module: {@link #of} then returns {@link #NONE}, which does
 * nothing, and says so once.
 *
 * <p>Thread-safe: {@link #forThread} may be called from any thread.
 */
public interface Timeline {

    /** No events: what the recorder uses when {@code jfr.events} is off or the JVM has no Flight Recorder. */
    Timeline NONE = new Timeline() {
        @Override
        public ThreadTimeline forThread() {
            return ThreadTimeline.NONE;
        }
    };

    /** The state of one recording thread, owned by that thread. */
    ThreadTimeline forThread();

    /**
     * The JDK Flight Recorder timeline when {@code events} asks for it and this JVM has a Flight
     * Recorder; else {@link #NONE}, with one INFO line on {@code log} saying why when events were
     * asked for. The event classes are loaded, and their types registered, only when the Flight
     * Recorder initialises (see {@link FlightRecorderTimeline}).
     */
    static Timeline of(boolean events, RuntimeLog log) {
        if (!events) {
            return NONE;
        }
        if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) {
            log.info("no JFR events: this JVM has no JDK Flight Recorder (module jdk.jfr is not in its boot layer; a"
                    + " jlink image needs --add-modules jdk.jfr, so does a modular application that does not require"
                    + " it); Genscope records everything else as usual");
            return NONE;
        }
        try {
            return FlightRecorderTimeline.start(log);
        } catch (Throwable failure) {
            log.info("no JFR events: the JDK Flight Recorder could not register Genscope's event types ("
                    + failure.getClass().getName() + "); Genscope records everything else as usual");
            return NONE;
        }
    }
}
