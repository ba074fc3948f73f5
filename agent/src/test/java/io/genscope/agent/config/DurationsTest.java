package io.genscope.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} ms, written {2}")
    @CsvSource({
        "500ms, 500, 500ms",
        "30s, 30000, 30s",
        "90s, 90000, 90s",
        "5m, 300000, 5m",
        "1h, 3600000, 1h",
        "2d, 172800000, 2d",
        "PT1H, 3600000, 1h",
        "pt1.5s, 1500, 1500ms",
        "1500ms, 1500, 1500ms",
    })
    void shortAndIsoFormsParseAndFormatBackShortest(String text, long millis, String formatted) {
        Duration duration = Durations.parse(text);

        assertThat(duration).isEqualTo(Duration.ofMillis(millis));
        assertThat(Durations.format(duration)).isEqualTo(formatted);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"abc", "1 h", "1H", "1.5h", "60", "h", "99999999999999999999d", "9999999999999999d", "P"})
    void otherTextIsNoDuration(String text) {
        assertThat(Durations.parse(text)).isNull();
    }
}
