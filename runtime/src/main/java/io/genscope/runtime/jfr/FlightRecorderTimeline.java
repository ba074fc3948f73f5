package io.genscope.runtime.jfr;

import io.genscope.runtime.RuntimeLog;
import jdk.jfr.FlightRecorder;

/**
 * The {@link Timeline} of the JDK Flight Recorder. Loaded only once {@link Timeline#of} has seen
 * the {@code jdk.jfr} module, since this class and those it uses link against it.
 */
final class FlightRecorderTimeline implements Timeline {

    private FlightRecorderTimeline() {
    }

    /**
     * Registers the event types, so that a recording lists them before the first call (JDK
     * Mission Control's event browser, {@code jfr summary}), and returns the timeline; {@link Timeline#NONE},
     * with one INFO line, on a JVM built or started without a Flight Recorder.
     */
    static Timeline start(RuntimeLog log) {
        if (!FlightRecorder.isAvailable()) {
            log.info("no JFR events: this JVM's Flight Recorder is not available (built without it, or started"
                    + " with -XX:-FlightRecorder); Genscope records everything else as usual");
            return NONE;
        }
        FlightRecorder.register(GenerationEvent.class);
        FlightRecorder.register(ValidationEvent.class);
        FlightRecorder.register(RetryEvent.class);
        return new FlightRecorderTimeline();
    }

    @Override
    public ThreadTimeline forThread() {
        return new FlightRecorderThreadTimeline();
    }
}
