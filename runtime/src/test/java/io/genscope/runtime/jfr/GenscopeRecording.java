package io.genscope.runtime.jfr;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real in-process JFR recording of Genscope's events (threshold 0, no stack traces), read back
 * from the file it dumps.
 */
final class GenscopeRecording implements AutoCloseable {

    static final String GENERATION = "io.genscope.Generation";
    static final String VALIDATION = "io.genscope.Validation";
    static final String RETRY = "io.genscope.Retry";
    static final String REQUEST = "io.genscope.Request";

    private final Recording recording = new Recording();

    /** Starts recording the four event types, with {@code generationThreshold} for generations. */
    GenscopeRecording(Duration generationThreshold) {
        recording.enable(GENERATION).withThreshold(generationThreshold).withoutStackTrace();
        recording.enable(VALIDATION).withThreshold(Duration.ZERO).withoutStackTrace();
        recording.enable(RETRY).withThreshold(Duration.ZERO).withoutStackTrace();
        recording.enable(REQUEST).withThreshold(Duration.ZERO).withoutStackTrace();
        recording.start();
    }

    GenscopeRecording() {
        this(Duration.ZERO);
    }

    /** Switches one event type off while the recording runs. */
    void disable(String eventName) {
        recording.disable(eventName);
    }

    /** Stops the recording and returns its Genscope events, in the order they were committed. */
    List<RecordedEvent> stop() throws IOException {
        recording.stop();
        Path file = Files.createTempFile("genscope-test", ".jfr");
        try {
            recording.dump(file);
            return RecordingFile.readAllEvents(file).stream()
                    .filter(event -> event.getEventType().getName().startsWith("io.genscope."))
                    .toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(event -> event.getEventType().getName().equals(name)).toList();
    }

    @Override
    public void close() {
        recording.close();
    }
}
