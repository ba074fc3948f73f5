package io.genscope.agent.it.hostile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code exportEvents(Integer.MAX_VALUE)} over 9 million kept events returns the newest 100,000
 * (the most one call returns) instead of throwing: before, it copied and sorted every event and
 * sized its JSON buffer at 256 characters an event, which overflows past 8.4 million events
 * ({@code NegativeArraySizeException}).
 */
class MemoryExportIT {

    private static final String STORE = """
              event-ring-size: 1000000
              max-memory: 16GB
            """;

    @TempDir
    Path directory;

    @Test
    void anyMaxWorksWithMillionsOfEventsKept() throws Exception {
        MemoryHostLaunch.Output with = MemoryHostLaunch.run(directory, STORE, List.of("-Xmx3g"),
                "events", "9", "500001");

        assertThat(with.probe("exportEvents(2147483647)")).startsWith("returned 100000 events");
        assertThat(with.probe("exportEvents(10)")).startsWith("returned 10 events");
    }
}
