package io.genscope.bench.report;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The warning above the table when the machine was busier than one runnable thread per core. */
class LoadAverageTest {

    @Test
    void aLoadUpToTheCoresIsQuietEnough() {
        assertThat(new LoadAverage("0.40 0.80 1.10", "2.00 1.20 1.10", 2).warning()).isEmpty();
    }

    @Test
    void aLoadAboveTheCoresBeforeOrAfterTheRunMakesTheFiguresUnreliable() {
        assertThat(new LoadAverage("2.35 1.00 0.50", "1.10 1.00 0.50", 2).warning())
                .contains("WARNING: load average 2.35 exceeds the 2 cores: figures then unreliable");
        assertThat(new LoadAverage("0.20 1.00 0.50", "4.10 1.00 0.50", 2).warning())
                .contains("WARNING: load average 4.10 exceeds the 2 cores: figures then unreliable");
    }

    @Test
    void theWarningIsTheTablesFirstLine() {
        Properties measured = new Properties();
        measured.setProperty("load.before", "6.00 5.00 4.00");
        measured.setProperty("load.after", "1.00 1.00 1.00");
        measured.setProperty("cores", "4");
        Table table = new Table();
        LoadAverage.of(measured).warning().ifPresent(table::warn);
        assertThat(table.markdown())
                .startsWith("**WARNING: load average 6.00 exceeds the 4 cores: figures then unreliable**\n\n| what |");
    }

    @Test
    void anUnknownLoadWarnsOfNothing() {
        assertThat(LoadAverage.of(new Properties()).warning()).isEmpty();
    }
}
