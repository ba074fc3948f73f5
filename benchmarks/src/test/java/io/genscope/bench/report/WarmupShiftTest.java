package io.genscope.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** run.sh --otel-warmup-check: how far each OpenTelemetry score moved with the longer warm-up. */
class WarmupShiftTest {

    @Test
    void showsEachScoreAtBothWarmUpsAndHowFarItMoved(@TempDir Path directory) throws IOException, URISyntaxException {
        Path shorter = Path.of(getClass().getResource("call-cost.json").toURI());
        Path longer = directory.resolve("longer.json");
        Files.writeString(longer, Files.readString(shorter).replace("\"score\": 498.0", "\"score\": 448.2"));

        String table = WarmupShift.markdown("-wi 5 -w 1s", JmhResults.read(shorter), "-wi 15 -w 2s", JmhResults.read(longer));

        assertThat(table).contains("| CallCostOtel.timing | 326.0 ± 5.0 ns | 326.0 ± 5.0 ns | +0.0 ± 7.1 ns (+0.0 %) |")
                .contains("| CallCostOtel.generation | 498.0 ± 5.0 ns | 448.2 ± 5.0 ns | -49.8 ± 7.1 ns (-10.0 %) |");
    }
}
