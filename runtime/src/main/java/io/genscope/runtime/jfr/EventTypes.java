package io.genscope.runtime.jfr;

import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;

/**
 * The registered types of Genscope's events, whose enabled flags a call reads (two plain loads,
 * no allocation) before it opens an event. First touched by {@link FlightRecorderTimeline}'s
 * arming, so that no event class is loaded before the Flight Recorder initialises.
 */
final class EventTypes {

    static final EventType GENERATION = register(GenerationEvent.class);
    static final EventType VALIDATION = register(ValidationEvent.class);
    static final EventType RETRY = register(RetryEvent.class);
    static final EventType REQUEST = register(RequestEvent.class);

    private EventTypes() {
    }

    /** Registers the types (this class's initialisation), so that a recording lists them before the first call. */
    static void register() {
        // the fields above, initialised by the first call
    }

    private static EventType register(Class<? extends Event> type) {
        FlightRecorder.register(type);
        return EventType.getEventType(type);
    }
}
