package io.genscope.agent.it.hostile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing older than the retention stays reachable from Genscope: 333 error messages, each
 * quoting a unique marker, are recorded by a thread that then sits idle while another goes on
 * generating; once the retention has passed, a dump of the live heap holds none of them (and
 * does hold the one marker the host keeps itself, so the search is shown to work). Before, the
 * idle thread's event ring (and its last validation record) kept every one.
 */
class MemoryRetentionIT {

    private static final String STORE = """
              resolution: 100ms
              window: 1s
              retention: 2s
              error-messages: full
              error-message-length: 200
            """;

    @TempDir
    Path directory;

    @Test
    void errorMessagesAreGoneFromTheHeapOnceTheRetentionHasPassed() throws Exception {
        Path dump = directory.resolve("heap.hprof");
        MemoryHostLaunch.Output without = MemoryHostLaunch.run(directory, null, List.of(), "markers", dump.toString());
        MemoryHostLaunch.Output with = MemoryHostLaunch.run(directory, STORE, List.of(), "markers", dump.toString());

        assertThat(with.host()).isEqualTo(without.host()).hasSize(2);
        String heap = new String(Files.readAllBytes(dump), StandardCharsets.ISO_8859_1);
        String prefix = with.probe("marker prefix");
        assertThat(heap).as("the host's own marker").contains(prefix + "-control");
        assertThat(occurrences(heap, prefix + "-")).as("markers in the heap besides the host's own").isEqualTo(1);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
