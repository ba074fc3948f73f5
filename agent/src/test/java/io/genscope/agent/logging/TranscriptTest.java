package io.genscope.agent.logging;

import io.genscope.agent.config.LogLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptTest {

    private static final Logger LOGGER = LoggerFactory.getLogger("io.genscope");

    @AfterEach
    void restoreThreshold() {
        AgentLogging.threshold(LogLevel.INFO);
    }

    @Test
    void keepsThisThreadsLinesFromInfoUpWhateverTheThreshold() throws Exception {
        AgentLogging.threshold(LogLevel.ERROR);
        Transcript transcript = Transcript.begin();
        LOGGER.debug("not kept");
        LOGGER.info("started with {} rule(s)", 3);
        LOGGER.warn("a problem");
        Thread other = new Thread(() -> LOGGER.error("another thread's"));
        other.start();
        other.join();
        List<String> lines = transcript.end();
        LOGGER.error("after the end");

        assertThat(lines).containsExactly("[genscope] INFO started with 3 rule(s)", "[genscope] WARN a problem");
    }

    @Test
    void keepsABoundedNumberOfLinesAndCountsTheRest() {
        Transcript transcript = Transcript.begin();
        for (int i = 0; i < Transcript.MAX_LINES + 5; i++) {
            LOGGER.info("line {}", i);
        }
        List<String> lines = transcript.end();

        assertThat(lines).hasSize(Transcript.MAX_LINES + 1)
                .endsWith("[genscope] INFO ... and 5 more line(s) on the JVM's stderr");
    }
}
