package io.genscope.runtime.diagnostics;

import io.genscope.runtime.testing.CollectingLog;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal passes every line on, counts all of them and keeps the latest few for the Diagnostics MBean. */
class ErrorJournalTest {

    private final CollectingLog printed = new CollectingLog();
    private final ErrorJournal journal = new ErrorJournal(printed);

    @Test
    void passesEachLineToTheLogItWrapsAndCountsItByLevel() {
        journal.warn("w1");
        journal.error("e1");
        journal.warn("w2");

        assertThat(printed.warnings()).containsExactly("w1", "w2");
        assertThat(printed.errors()).containsExactly("e1");
        assertThat(journal.warningCount()).isEqualTo(2);
        assertThat(journal.errorCount()).isEqualTo(1);
        assertThat(journal.recent()).containsExactly("WARN w1", "ERROR e1", "WARN w2");
    }

    @Test
    void keepsOnlyTheLatestLinesButCountsAll() {
        int lines = ErrorJournal.KEPT + 10;
        IntStream.range(0, lines).forEach(i -> journal.error("e" + i));

        assertThat(journal.recent()).hasSize(ErrorJournal.KEPT)
                .startsWith("ERROR e10")
                .endsWith("ERROR e" + (lines - 1));
        assertThat(journal.errorCount()).isEqualTo(lines);
    }
}
