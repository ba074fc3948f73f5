package io.genscope.runtime.jfr;

import io.genscope.runtime.RuntimeLog;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/**
 * The {@link Timeline} of the JDK Flight Recorder. Loaded only once {@link Timeline#of} has seen
 * the {@code jdk.jfr} module, since this class and those it uses link against it.
 *
 * <p>Armed when the Flight Recorder initialises, which is when the first recording starts (at
 * once if one already has, as {@code -XX:StartFlightRecording} does): only then are the event
 * classes loaded and their types registered ({@link EventTypes}). Loading a {@code jdk.jfr.Event}
 * subclass makes the JDK load and run its instrumentation, several hundred classes and a few
 * hundred milliseconds of start-up measured on a loaded 2-core machine; a JVM nobody records
 * never pays it. Until armed a call reads one volatile flag.
 */
final class FlightRecorderTimeline implements Timeline {

    /** Set, once, after the event types are registered: a thread that sees it uses them without waiting. */
    static volatile boolean armed;

    private FlightRecorderTimeline() {
    }

    /**
     * The timeline, armed when the Flight Recorder initialises; {@link Timeline#NONE}, with one
     * INFO line, on a JVM built or started without a Flight Recorder.
     */
    static Timeline start(RuntimeLog log) {
        if (!FlightRecorder.isAvailable()) {
            log.info("no JFR events: this JVM's Flight Recorder is not available (built without it, or started"
                    + " with -XX:-FlightRecorder); Genscope records everything else as usual");
            return NONE;
        }
        FlightRecorder.addListener(new Arming(log));
        return new FlightRecorderTimeline();
    }

    @Override
    public ThreadTimeline forThread() {
        return new FlightRecorderThreadTimeline();
    }

    /** Arms the timeline on the thread that initialises the Flight Recorder (the one starting a recording). */
    private static final class Arming implements FlightRecorderListener {

        private final RuntimeLog log;

        Arming(RuntimeLog log) {
            this.log = log;
        }

        @Override
        public void recorderInitialized(FlightRecorder recorder) {
            try {
                EventTypes.register();
                armed = true;
            } catch (Throwable failure) {
                log.info("no JFR events: the Flight Recorder could not register Genscope's event types ("
                        + failure.getClass().getName() + "); Genscope records everything else as usual");
            }
        }
    }
}
